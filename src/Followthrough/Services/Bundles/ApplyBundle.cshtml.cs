using System.Globalization;
using System.Text.RegularExpressions;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Materials;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Bundles;

/// <summary>Applying for a bundle: one form (each field once) and one set of materials (each once), each uploaded there,
/// given again from the applicant's earlier files, or left to the electronic licence where every part allows it.</summary>
[RequestSizeLimit(MaterialCheck.MaxFormRequestBytes)]
internal sealed partial class ApplyBundleModel(
    BundleApplications filings, ApplicantMaterials materials, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    private readonly List<MaterialFileEntry> _uploaded = [];

    /// <summary>Recorded at a window officer's window for an applicant (一窗受理), not filed by the applicant.</summary>
    public bool AtWindow => !ServicesPermissions.CanApply(me);

    /// <summary>At the window: the applicant's account the bundle is recorded for.</summary>
    [BindProperty]
    public int? ApplicantId { get; set; }

    public BundleEntry Bundle { get; private set; } = null!;

    public IReadOnlyList<ServiceItemEntry> Parts { get; private set; } = [];

    public BundleForm Form { get; private set; } = new([], []);

    /// <summary>The applicant's earlier files to choose from, and the files uploaded with this form.</summary>
    public IReadOnlyList<MaterialFileEntry> Files { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    /// <summary>Per material of the form (by its position there): the file given, one of the applicant's files.</summary>
    [BindProperty]
    public Dictionary<int, int?> FileIds { get; set; } = [];

    /// <summary>Per material: left to the electronic licence, where every part asking it allows that.</summary>
    [BindProperty]
    public Dictionary<int, bool> ByLicence { get; set; } = [];

    /// <summary>The errors, each as (the id of the field on the page, the part's name: the message).</summary>
    public List<(string Field, string Message)> Errors { get; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        Files = await FilesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        var outcome = await UploadThenFileAsync(id);
        if (outcome.IsDone)
        {
            return Redirect($"/services/bundle-applications/{outcome.Value!.Id}");
        }

        Files = await FilesAsync(); // with the files just uploaded, kept chosen

        if (outcome.Errors is { } errors)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                var (target, part) = Locate(field);
                foreach (var message in messages.Select(m => part is null ? (string)text[m] : $"{part}: {text[m]}").Where(m => !Errors.Contains((target, m))))
                {
                    Errors.Add((target, message));
                }
            }
        }
        else
        {
            Problem = text[outcome.Reason ?? "The application cannot be filed."];
        }

        return Page();
    }

    /// <summary>Keeps each uploaded file first (a refused one is an error on its material and nothing is filed; the
    /// accepted ones stay chosen for the next attempt), then files the bundle with every material's choice.</summary>
    private async Task<Outcome<BundleApplicationEntry>> UploadThenFileAsync(int id)
    {
        var refused = new ValidationErrors();
        foreach (var material in Form.Materials.Where(_ => !AtWindow || ApplicantId is not null)) // at the window, uploads are the named applicant's
        {
            var i = material.Position;
            if (Request.Form.Files.GetFile($"upload-{i}") is not { Length: > 0 } upload)
            {
                continue;
            }

            var content = await MaterialCheck.ReadAsync(upload, HttpContext.RequestAborted);
            var uploaded = await materials.UploadAsync(me, AtWindow ? ApplicantId : null, upload.FileName, content, HttpContext.RequestAborted);
            if (uploaded.IsDone)
            {
                FileIds[i] = uploaded.Value!.Id;
                _uploaded.Add(uploaded.Value);
            }
            else if (uploaded.Errors?.ToDictionary() is { } errors)
            {
                foreach (var (field, messages) in errors)
                {
                    foreach (var message in messages)
                    {
                        refused.Add(field == "file" ? $"materials[{i}]" : field, message);
                    }
                }
            }
            else
            {
                return Outcome.Forbidden<BundleApplicationEntry>(uploaded.Reason ?? ApplicantMaterials.NotForYou);
            }
        }

        if (!refused.IsEmpty)
        {
            return Outcome.Invalid<BundleApplicationEntry>(refused);
        }

        var choices = Form.Materials
            .Select(m => FileIds.GetValueOrDefault(m.Position) is { } file ? new MaterialChoiceInput(m.Position, file, null)
                : ByLicence.GetValueOrDefault(m.Position) ? new MaterialChoiceInput(m.Position, null, true) : null)
            .OfType<MaterialChoiceInput>().ToList();
        return await filings.FileAsync(me, new BundleFilingInput(id, Answers, choices, AtWindow ? ApplicantId : null), HttpContext.RequestAborted);
    }

    /// <summary>Online the applicant's files (with those just uploaded); at the window only the files uploaded with this form.</summary>
    private async Task<IReadOnlyList<MaterialFileEntry>> FilesAsync() =>
        AtWindow ? _uploaded : await materials.MineAsync(me, HttpContext.RequestAborted);

    public string? Invalid(string field) => Errors.Any(e => e.Field == field) ? "true" : null;

    /// <summary>Where on the page an error belongs, and the name of the part it is about.</summary>
    private (string Field, string? Part) Locate(string field)
    {
        var match = PartField().Match(field);
        if (field == "applicantId" || match is { Success: true, Groups: [_, _, { Value: "applicantId" }] })
        {
            return ("applicantId", null); // the applicant named at the window, the same for every part
        }

        if (!match.Success)
        {
            return MaterialField().Match(field) is { Success: true } upload ? ($"material-{upload.Groups[1].Value}", null)
                : (field == "materials" ? "material-0" : "parts", null);
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
        var window = me.IsSignedIn && !ServicesPermissions.CanApply(me) && await filings.MayRecordAtWindowAsync(me, Bundle, HttpContext.RequestAborted);
        return PageGate.Check(this, me, u => ServicesPermissions.CanApply(u) || window);
    }

    [GeneratedRegex(@"^parts\[(\d+)\]\.(.+)$")]
    private static partial Regex PartField();

    [GeneratedRegex(@"^materials\[(\d+)\]$")]
    private static partial Regex MaterialField();
}
