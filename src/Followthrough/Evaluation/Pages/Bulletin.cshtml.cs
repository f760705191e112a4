using Followthrough.Accounts;
using Followthrough.Organization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Evaluation.Pages;

/// <summary>
/// The bulletin (通报) for a period: the ranked table with the rule that ranks it, the rewards and accountability
/// recorded, exports, and a print layout. The supervision office enters quality scores and notes here.
/// </summary>
internal sealed class BulletinModel(BulletinBuilder builder, EvaluationService evaluation, OrganizationDirectory organization, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public NoteKind? Kind { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public Bulletin? Result { get; private set; }

    public EvaluationPeriod? Parsed { get; private set; }

    /// <summary>Field → message, for the summary at the top and the message next to each field.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public const string PeriodAdvice =
        "Write the period as a month (2026-07), a quarter (2026Q3), a year (2026) or from..to (2026-07-01..2026-09-30).";

    public bool CanEvaluate => EvaluationPermissions.CanEvaluateUnits(me);

    public async Task<IActionResult> OnGetAsync() => Denied() ?? await ShowAsync();

    public async Task<IActionResult> OnPostScoreAsync()
    {
        if (Denied(evaluating: true) is { } denied)
        {
            return denied;
        }

        var outcome = await evaluation.SetScoreAsync(me, UnitId ?? 0, Period, Score, Comment, null, HttpContext.RequestAborted);
        return await AfterAsync(outcome.IsDone, outcome.Errors, "score");
    }

    public async Task<IActionResult> OnPostNoteAsync()
    {
        if (Denied(evaluating: true) is { } denied)
        {
            return denied;
        }

        var outcome = await evaluation.AddNoteAsync(me, UnitId, Period, Kind, Text, HttpContext.RequestAborted);
        return await AfterAsync(outcome.IsDone, outcome.Errors, "note");
    }

    private async Task<IActionResult> AfterAsync(bool done, ValidationErrors? errors, string what)
    {
        if (done)
        {
            return RedirectToPage(null, new { period = EvaluationPeriod.TryParse(Period, out var p, out _) ? p.Key : Period, saved = what });
        }

        foreach (var message in errors?.ToDictionary() ?? new Dictionary<string, string[]>())
        {
            Errors[(what == "score" && message.Key == "unitId" ? "score-unit" : message.Key == "unitId" ? "note-unit" : message.Key)] = message.Value[0];
        }

        return await ShowAsync();
    }

    private IActionResult? Denied(bool evaluating = false)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        return (evaluating ? EvaluationPermissions.CanEvaluateUnits(me) : EvaluationPermissions.CanReadBulletins(me)) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (string.IsNullOrWhiteSpace(Period))
        {
            Period = EvaluationPeriod.QuarterOf(builder.Today).Key;
        }

        if (EvaluationPeriod.TryParse(Period, out var parsed, out var error))
        {
            Parsed = parsed;
            Result = await builder.BuildAsync(parsed, HttpContext.RequestAborted);
        }
        else
        {
            // The API's message quotes the text; the page gives the same advice in the reader's language.
            _ = error;
            Errors["period"] = PeriodAdvice;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (CanEvaluate)
        {
            Units = await organization.UnitsAsync(activeOnly: true, HttpContext.RequestAborted);
        }

        return Page();
    }
}
