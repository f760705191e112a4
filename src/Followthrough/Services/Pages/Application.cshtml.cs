using Followthrough.Services.Applications;
using Followthrough.Services.Clock;
using Followthrough.Services.Duties;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>One application: where it stands, what happens next and by when, its history, and the steps the reader may take.</summary>
internal sealed partial class ApplicationModel(ServiceApplications applications, ServiceClock clock, CurrentUser me, IStringLocalizer<ServicesText> text, UnitDuties duties) : PageModel
{
    public ServiceApplicationEntry Application { get; private set; } = null!;

    public int? CommittedDaysLeft { get; private set; }

    public int? StatutoryDaysLeft { get; private set; }

    public IReadOnlyList<ApplicationStep> Allowed { get; private set; } = [];

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

    public string? Problem { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public string? Missing { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, ApplicationStep step, int version)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var missing = Missing?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var outcome = await applications.TakeStepAsync(me, id, step, new StepInput(Reason, LegalBasis, missing) { Promise = step == ApplicationStep.Accepted ? PromiseFromForm() : null }, version, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/services/applications/{id}");
        }

        return await NotTakenAsync(id, outcome);
    }

    /// <summary>A step or a change of the clock that was not taken: not found, or the page as it stands now with the
    /// form's errors or the reason, in the reader's language.</summary>
    private async Task<IActionResult> NotTakenAsync(int id, Outcome<ServiceApplicationEntry> outcome)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Errors = ServiceFormErrors.From(errors, text);
        }
        else
        {
            Problem = outcome.Kind == OutcomeKind.Stale
                ? text["Someone changed the application while you were reading it. Here it is as it stands now."]
                : text[outcome.Reason ?? "This step cannot be taken now."];
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var found = await applications.GetAsync(me, id, HttpContext.RequestAborted);
        if (!found.IsDone)
        {
            return false;
        }

        Application = found.Value!;
        Duties = await duties.OfAsync(me, Application.UnitId, HttpContext.RequestAborted);
        Allowed = ApplicationRules.Allowed(me, Application.ApplicantId, Application.UnitId, Application.State, Duties);
        HoldDecisionForReview();
        await LoadClockAsync(me);
        if (Application.State is ApplicationState.Accepted && Application.CommittedDue is { } committed && Application.StatutoryDue is { } statutory)
        {
            CommittedDaysLeft = await clock.WorkingDaysLeftAsync(committed, HttpContext.RequestAborted);
            StatutoryDaysLeft = await clock.WorkingDaysLeftAsync(statutory, HttpContext.RequestAborted);
        }

        return true;
    }
}
