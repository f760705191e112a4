using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Plans.Pages;

/// <summary>Corrects a reported value: the new figure supersedes it, with a reason, and the earlier one stays on record.</summary>
internal sealed class CorrectValueModel(FollowthroughDb db, IndicatorValueService values, IStringLocalizer<PlansText> text, CurrentUser user)
    : ValueForm(db, text, user)
{
    public IndicatorValue Earlier { get; private set; } = null!;

    public ReportingPeriod EarlierPeriod { get; private set; }

    /// <summary>The value that already corrects this one, when someone got there first.</summary>
    public long? SupersededBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await PrepareAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var value = ReadValue();
        if (string.IsNullOrWhiteSpace(Note))
        {
            Errors["note"] = Text["Say why the value is corrected."];
        }

        var evidence = await ReadEvidenceAsync(cancellationToken);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await values.CorrectAsync(Me, id, new CorrectionWrite(value, Note, null), evidence, "form", cancellationToken);
        if (result.IsDone)
        {
            return Redirect($"/plans/indicators/{Indicator.Id}#values-heading");
        }

        if (result.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Show(result, Text["This value has already been corrected. Correct the current value instead."]);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(long id, CancellationToken cancellationToken)
    {
        if (RefuseUnlessReader() is { } refusal)
        {
            return refusal;
        }

        var earlier = await Db.Set<IndicatorValue>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (earlier is null || !await LoadIndicatorAsync(earlier.IndicatorId, cancellationToken))
        {
            return NotFound();
        }

        if (!PlanPermissions.CanRecordIndicatorValue(Me, Indicator))
        {
            return Forbid();
        }

        Earlier = earlier;
        EarlierPeriod = new ReportingPeriod(Indicator.Frequency, earlier.Year, earlier.SubPeriod);
        SupersededBy = await Db.Set<IndicatorValue>().AsNoTracking().Where(v => v.SupersedesId == id).Select(v => (long?)v.Id).SingleOrDefaultAsync(cancellationToken);
        Value ??= PlanChecks.FormatNumber(earlier.Value);
        return null;
    }
}
