using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Materials;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>Applying for one service: the applicant's form online, or the unit's staff recording it at the window, with
/// each material the item requires uploaded there or (online) chosen from the applicant's earlier files.</summary>
[RequestSizeLimit(MaterialCheck.MaxFormRequestBytes)]
internal sealed class ApplyModel(
    ServiceCatalogue catalogue, ServiceApplications applications, ApplicantMaterials materials, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    private readonly List<MaterialFileEntry> _uploaded = [];

    public ServiceItemEntry Item { get; private set; } = null!;

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public int? ApplicantId { get; set; }

    /// <summary>The answers to the item's own form fields, by key (when the item defines a form).</summary>
    [BindProperty]
    public Dictionary<string, string?> Answers { get; set; } = [];

    /// <summary>Per material (by its position in the item's list): the file given, one of the applicant's files.</summary>
    [BindProperty]
    public Dictionary<int, int?> FileIds { get; set; } = [];

    /// <summary>Per material: left to the electronic licence, where the item allows it.</summary>
    [BindProperty]
    public Dictionary<int, bool> ByLicence { get; set; } = [];

    /// <summary>The applicant's earlier files to choose from (online), and the files uploaded with this form.</summary>
    public IReadOnlyList<MaterialFileEntry> Files { get; private set; } = [];

    public bool AtWindow => !ServicesPermissions.CanApply(me);

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

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

        var answers = Item.Fields.Count > 0
            ? Answers
            : new Dictionary<string, string?> { ["applicantName"] = ApplicantName, ["phone"] = Phone, ["notes"] = Notes };
        var input = new ApplicationInput(id, answers, ApplicantId);
        var outcome = Item.Materials.Count == 0
            ? await applications.FileAsync(me, input, HttpContext.RequestAborted)
            : await UploadThenFileAsync(input);
        if (outcome.IsDone)
        {
            return Redirect($"/services/applications/{outcome.Value!.Id}");
        }

        if (outcome.Errors is { } errors)
        {
            Errors = ServiceFormErrors.From(errors, text, materialsApart: true);
        }
        else
        {
            Problem = text[outcome.Reason ?? "The application cannot be filed."];
        }

        Files = await FilesAsync();
        return Page();
    }

    /// <summary>Keeps each uploaded file first (a refused one is an error on its material and nothing is filed; the
    /// accepted ones stay chosen for the next attempt), then files the application with every material's choice.</summary>
    private async Task<Outcome<ServiceApplicationEntry>> UploadThenFileAsync(ApplicationInput input)
    {
        var refused = new ValidationErrors();
        for (var i = 0; i < Item.Materials.Count; i++)
        {
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
                return Outcome.Forbidden<ServiceApplicationEntry>(uploaded.Reason ?? ApplicantMaterials.NotForYou);
            }
        }

        if (!refused.IsEmpty)
        {
            return Outcome.Invalid<ServiceApplicationEntry>(refused);
        }

        var choices = Enumerable.Range(0, Item.Materials.Count)
            .Select(i => new MaterialChoice(i, FileIds.GetValueOrDefault(i), FileIds.GetValueOrDefault(i) is null && ByLicence.GetValueOrDefault(i) ? true : null))
            .ToList();
        return await materials.FileAsync(me, input, choices, HttpContext.RequestAborted);
    }

    private async Task<IReadOnlyList<MaterialFileEntry>> FilesAsync() =>
        AtWindow ? _uploaded : await materials.MineAsync(me, HttpContext.RequestAborted);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await catalogue.GetAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return PageGate.Check(this, me, u => ServicesPermissions.CanApply(u) || ServicesPermissions.CanHandleApplications(u, item.UnitId));
    }
}
