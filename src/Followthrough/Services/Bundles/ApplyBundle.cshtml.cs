using System.Globalization;
using System.Text.RegularExpressions;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Materials;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Bundles;

/// <summary>Applying for a bundle: one form (each field once) and one set of materials (each once), chosen from the applicant's files.</summary>
internal sealed partial class ApplyBundleModel(
    BundleApplications filings, ApplicantMaterials materials, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    public BundleEntry Bundle { get; private set; } = null!;

    public IReadOnlyList<ServiceItemEntry> Parts { get; private set; } = [];

    public BundleForm Form { get; private set; } = new([], []);

    public IReadOnlyList<MaterialFileEntry> Files { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    /// <summary>Each material of the form by position: "file:{id}" or "licence".</summary>
    [BindProperty]
    public Dictionary<int, string?> Given { get; set; } = [];

    /// <summary>The errors, each as (the id of the field on the page, the part's name: the message).</summary>
    public List<(string Field, string Message)> Errors { get; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        var choices = Given.Where(g => !string.IsNullOrEmpty(g.Value)).Select(g => g.Value == "licence"
            ? new MaterialChoiceInput(g.Key, null, true)
            : new MaterialChoiceInput(g.Key, int.TryParse(g.Value!.Replace("file:", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var file) ? file : -1, null)).ToList();
        var outcome = await filings.FileAsync(me, new BundleFilingInput(id, Answers, choices), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/services/bundle-applications/{outcome.Value!.Id}");
        }

        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                var (target, part) = Locate(field);
                Errors.AddRange(messages.Select(m => (target, part is null ? (string)text[m] : $"{part}: {text[m]}")));
            }
        }
        else
        {
            Problem = text[outcome.Reason ?? "The application cannot be filed."];
        }

        return Page();
    }

    public string? Invalid(string field) => Errors.Any(e => e.Field == field) ? "true" : null;

    /// <summary>Where on the page an error belongs, and the name of the part it is about.</summary>
    private (string Field, string? Part) Locate(string field)
    {
        var match = PartField().Match(field);
        if (!match.Success)
        {
            return (field == "materials" ? "material-0" : "parts", null);
        }

        var p = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var item = Parts[p];
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? item.NameZh : item.NameEn;
        var inner = match.Groups[2].Value;
        if (inner.StartsWith("answers.", StringComparison.Ordinal) && Form.Fields.Any(f => "answers." + f.Key == inner))
        {
            return (inner, name);
        }

        if (MaterialField().Match(inner) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var j && j < item.Materials.Count)
        {
            var shared = Form.Materials.First(x => BundleRules.Key(x.NameZh) == BundleRules.Key(item.Materials[j].NameZh));
            return ($"material-{shared.Position}", name);
        }

        return ("parts", name);
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await filings.FormAsync(id, HttpContext.RequestAborted) is not { } found)
        {
            return NotFound();
        }

        (Bundle, Parts, Form) = found;
        Files = await materials.MineAsync(me, HttpContext.RequestAborted);
        return PageGate.Check(this, me, ServicesPermissions.CanApply);
    }

    [GeneratedRegex(@"^parts\[(\d+)\]\.(.+)$")]
    private static partial Regex PartField();

    [GeneratedRegex(@"^materials\[(\d+)\]$")]
    private static partial Regex MaterialField();
}
