using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>Applying for one service: the applicant's form online, or the unit's staff recording it at the window.</summary>
internal sealed class ApplyModel(ServiceCatalogue catalogue, ServiceApplications applications, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
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

    public bool AtWindow => !ServicesPermissions.CanApply(me);

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        var answers = Item.Fields.Count > 0
            ? Answers
            : new Dictionary<string, string?> { ["applicantName"] = ApplicantName, ["phone"] = Phone, ["notes"] = Notes };
        var outcome = await applications.FileAsync(me, new ApplicationInput(id, answers, ApplicantId), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/services/applications/{outcome.Value!.Id}");
        }

        if (outcome.Errors is { } errors)
        {
            Errors = ServiceFormErrors.From(errors, text);
        }
        else
        {
            Problem = text[outcome.Reason ?? "The application cannot be filed."];
        }

        return Page();
    }

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
