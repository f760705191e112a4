using Followthrough.Services.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Services.Pages;

/// <summary>The application page's review steps (审查环节): the current one offered to whoever holds its duty in the unit.</summary>
internal sealed partial class ApplicationModel
{
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The review step under way, if any.</summary>
    public ApplicationReviewEntry? CurrentReview =>
        Application.State == ApplicationState.Accepted ? Application.ReviewSteps.FirstOrDefault(r => r.IsCurrent) : null;

    /// <summary>The reader holds the current step's duty in the item's unit.</summary>
    public bool MayCompleteReview => CurrentReview is { } step && Duties.Contains(step.Duty);

    public async Task<IActionResult> OnPostCompleteReviewAsync(int id, int number, int version)
    {
        var reader = HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!reader.IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await HttpContext.RequestServices.GetRequiredService<ApplicationReviews>()
            .CompleteAsync(reader, id, number, Note, version, HttpContext.RequestAborted);
        return outcome.IsDone ? Redirect($"/services/applications/{id}") : await NotTakenAsync(id, outcome);
    }

    /// <summary>The reason for sending the application back to the previous review step (退回).</summary>
    [BindProperty]
    public string? SendBackReason { get; set; }

    /// <summary>The current step has one before it to send the application back to.</summary>
    public bool MaySendBack => MayCompleteReview && CurrentReview is { Number: > 1 };

    public async Task<IActionResult> OnPostSendBackAsync(int id, int number, int version)
    {
        var reader = HttpContext.RequestServices.GetRequiredService<CurrentUser>();
        if (!reader.IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await HttpContext.RequestServices.GetRequiredService<ApplicationReviews>()
            .SendBackAsync(reader, id, number, SendBackReason, version, HttpContext.RequestAborted);
        if (outcome.Errors is { } errors)
        {
            // the reason's field on this page is the send-back form's own (the decision form has a "reason" too)
            var mine = new ValidationErrors();
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    mine.Add(field == "reason" ? "sendBackReason" : field, message);
                }
            }

            outcome = Outcome.Invalid<ServiceApplicationEntry>(mine);
        }

        return outcome.IsDone ? Redirect($"/services/applications/{id}") : await NotTakenAsync(id, outcome);
    }

    /// <summary>No decision while a review step is open: the approver's buttons wait for the last step.</summary>
    private void HoldDecisionForReview()
    {
        if (Application.ReviewOpen)
        {
            Allowed = [.. Allowed.Where(s => s is not (ApplicationStep.Approved or ApplicationStep.Rejected))];
        }
    }
}
