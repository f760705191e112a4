using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Services.Pages;

/// <summary>The application page's clock after acceptance: pauses, the extension and 容缺受理, each offered only to the
/// duty that may take it (window officer, approver, applicant).</summary>
internal sealed partial class ApplicationModel
{
    /// <summary>The reader's duties in the application's unit (none for applicants and the supervision office).</summary>
    public IReadOnlySet<ServiceDuty> Duties { get; private set; } = new HashSet<ServiceDuty>();

    /// <summary>The item's version allows 容缺受理 (offered with Accept).</summary>
    public bool AcceptsOnPromise { get; private set; }

    public bool IsApplicant { get; private set; }

    [BindProperty]
    public string? PromiseMissing { get; set; }

    [BindProperty]
    public DateOnly? PromiseBy { get; set; }

    [BindProperty]
    public PauseKind? PauseKind { get; set; }

    [BindProperty]
    public DateOnly? PauseFrom { get; set; }

    [BindProperty]
    public DateOnly? PauseTo { get; set; }

    [BindProperty]
    public string? PauseReason { get; set; }

    [BindProperty]
    public int? ExtensionDays { get; set; }

    /// <summary>The clock runs and the reader's duty may record a pause or ask for an extension.</summary>
    public bool MayManageClock => Application.State == ApplicationState.Accepted && Duties.Count > 0;

    public bool MayApproveExtension => Application.State == ApplicationState.Accepted && Duties.Contains(ServiceDuty.Approver) && Application.ExtensionRequested is not null;

    public bool MayAskExtension => MayManageClock && Application.ExtensionDays == 0 && Application.ExtensionRequested is null;

    public bool MayKeepPromise => IsApplicant && Application.State == ApplicationState.Accepted && Application.PromiseOutstanding;

    public Task<IActionResult> OnPostExtensionAsync(int id, int version) =>
        ClockAsync(id, (steps, me) => steps.RequestExtensionAsync(me, id, Reason, version, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostApproveExtensionAsync(int id, int version) =>
        ClockAsync(id, (steps, me) => steps.ApproveExtensionAsync(me, id, ExtensionDays, version, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostPauseAsync(int id, int version) =>
        ClockAsync(id, (steps, me) => steps.RecordPauseAsync(me, id, new PauseInput(PauseKind, PauseReason, PauseFrom, PauseTo), version, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostPromiseKeptAsync(int id, int version) =>
        ClockAsync(id, (steps, me) => steps.KeepPromiseAsync(me, id, version, HttpContext.RequestAborted));

    /// <summary>The promise sent with Accept, when the officer listed missing materials.</summary>
    private PromiseInput? PromiseFromForm() =>
        string.IsNullOrWhiteSpace(PromiseMissing) && PromiseBy is null
            ? null
            : new PromiseInput(PromiseMissing?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), PromiseBy);

    private async Task LoadClockAsync(CurrentUser reader)
    {
        IsApplicant = reader.PersonId == Application.ApplicantId && ServicesPermissions.CanApply(reader);
        if (Application.State == ApplicationState.Received && Allowed.Contains(ApplicationStep.Accepted))
        {
            var version = await HttpContext.RequestServices.GetRequiredService<ServiceCatalogue>().VersionAsync(Application.ItemId, Application.ItemVersion, HttpContext.RequestAborted);
            AcceptsOnPromise = version?.Item.AcceptsOnPromise == true;
        }
    }

    private async Task<IActionResult> ClockAsync(int id, Func<ApplicationClockSteps, CurrentUser, Task<Outcome<ServiceApplicationEntry>>> change)
    {
        var reader = HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!reader.IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await change(HttpContext.RequestServices.GetRequiredService<ApplicationClockSteps>(), reader);
        if (outcome.IsDone)
        {
            return Redirect($"/services/applications/{id}");
        }

        return await NotTakenAsync(id, outcome);
    }
}
