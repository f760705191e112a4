using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Plans.Pages;

/// <summary>The reporting unit (or the supervision office) records the actual value for a period.</summary>
internal sealed class RecordValueModel(FollowthroughDb db, IndicatorValueService values, IStringLocalizer<PlansText> text, CurrentUser user)
    : ValueForm(db, text, user)
{
    [BindProperty]
    public string? Period { get; set; }

    /// <summary>Periods that have begun, lie in the plan and have no value yet, latest first.</summary>
    public IReadOnlyList<ReportingPeriod> OpenPeriods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await PrepareAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var value = ReadValue();
        var evidence = await ReadEvidenceAsync(cancellationToken);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await values.RecordAsync(Me, id, new ValueWrite(Period, value, Note, null), evidence, "form", cancellationToken);
        if (result.IsDone)
        {
            return Redirect($"/plans/indicators/{id}#values-heading");
        }

        if (result.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Show(result, Text["A value for this period was recorded in the meantime; correct it from the indicator's page instead."]);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        if (!await LoadIndicatorAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!PlanPermissions.CanRecordIndicatorValue(Me, Indicator))
        {
            return Forbid();
        }

        var reported = (await Db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == id)
            .Select(v => new { v.Year, v.SubPeriod }).ToListAsync(cancellationToken))
            .Select(v => new ReportingPeriod(Indicator.Frequency, v.Year, v.SubPeriod)).ToHashSet();
        var today = ChinaClock.Today(Db.Clock);
        OpenPeriods = [.. ReportingPeriod.Span(Indicator.Frequency, Math.Max(Plan.StartYear, Indicator.BaselineYear + 1), Plan.EndYear)
            .Where(p => !reported.Contains(p) && IndicatorValueService.PeriodProblem(Plan, Indicator, p, today) is null)
            .Reverse()];
        Period ??= OpenPeriods.Count > 0 ? OpenPeriods[0].ToString() : null;
        return null;
    }
}
