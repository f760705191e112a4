using Followthrough.Accounts;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>One reported value with its place in its period's chain of corrections.</summary>
internal sealed record ValueEntry(IndicatorValue Value, ReportingPeriod Period, long? SupersededById, IndicatorValue? Corrects)
{
    public bool IsCurrent => SupersededById is null;
}

/// <summary>
/// Recording actual values and correcting them. Only the indicator's reporting unit (its staff) or the supervision
/// office may do either (<see cref="PlanPermissions.CanRecordIndicatorValue"/>). A value is never changed: a correction
/// adds a row that supersedes the earlier one, and both stay on record with who reported them, when and why.
/// </summary>
internal sealed class IndicatorValueService(FollowthroughDb db, IndicatorEvidenceStore evidence)
{
    public async Task<Outcome<IndicatorValue>> RecordAsync(
        CurrentUser user, int indicatorId, ValueWrite input, EvidenceUpload? upload, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return Outcome.NotFound<IndicatorValue>();
        }

        if (!PlanPermissions.CanRecordIndicatorValue(user, indicator))
        {
            return Outcome.Forbidden<IndicatorValue>("Only the indicator's reporting unit or the supervision office records its values.");
        }

        var plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == indicator.PlanId, cancellationToken);
        var errors = new ValidationErrors();
        ReportingPeriod period = default;
        if (!ReportingPeriod.TryParse(input.Period, indicator.Frequency, out period, out var periodProblem))
        {
            errors.Add("period", periodProblem!);
        }
        else if (PeriodProblem(plan, indicator, period, ChinaClock.Today(db.Clock)) is { } outside)
        {
            errors.Add("period", outside);
        }

        CheckValue(errors, input.Value, input.Note, required: false);
        var contentType = await CheckEvidenceAsync(user, errors, input.EvidenceId, upload, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IndicatorValue>(errors);
        }

        var existing = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.IndicatorId == indicatorId && v.Year == period.Year && v.SubPeriod == period.SubPeriod)
            .OrderByDescending(v => v.Id).Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } currentId)
        {
            return Outcome.Conflict<IndicatorValue>($"A value for {period} is already on record (value {currentId}); correct it instead of reporting again.");
        }

        var value = new IndicatorValue
        {
            IndicatorId = indicatorId,
            Year = period.Year,
            SubPeriod = period.SubPeriod,
            Value = input.Value!.Value,
            Note = (input.Note ?? string.Empty).Trim(),
            EvidenceId = input.EvidenceId,
            ReportedById = user.PersonId,
            ReportedByName = user.Name,
            ReportedAt = db.Clock.GetUtcNow().UtcDateTime,
            Source = source,
        };
        return await SaveAsync(user, value, upload, contentType, "value-recorded", null, cancellationToken);
    }

    public async Task<Outcome<IndicatorValue>> CorrectAsync(
        CurrentUser user, long valueId, CorrectionWrite input, EvidenceUpload? upload, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var earlier = await db.Set<IndicatorValue>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == valueId, cancellationToken);
        if (earlier is null)
        {
            return Outcome.NotFound<IndicatorValue>();
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().SingleAsync(i => i.Id == earlier.IndicatorId, cancellationToken);
        if (!PlanPermissions.CanRecordIndicatorValue(user, indicator))
        {
            return Outcome.Forbidden<IndicatorValue>("Only the indicator's reporting unit or the supervision office corrects its values.");
        }

        var later = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.SupersedesId == valueId).Select(v => (long?)v.Id).SingleOrDefaultAsync(cancellationToken);
        if (later is { } laterId)
        {
            return Outcome.Conflict<IndicatorValue>($"This value was already corrected (by value {laterId}); correct the current value instead.");
        }

        var errors = new ValidationErrors();
        CheckValue(errors, input.Value, input.Note, required: true);
        var contentType = await CheckEvidenceAsync(user, errors, input.EvidenceId, upload, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<IndicatorValue>(errors);
        }

        var value = new IndicatorValue
        {
            IndicatorId = earlier.IndicatorId,
            Year = earlier.Year,
            SubPeriod = earlier.SubPeriod,
            Value = input.Value!.Value,
            Note = input.Note!.Trim(),
            EvidenceId = input.EvidenceId ?? (upload is null ? earlier.EvidenceId : null),
            SupersedesId = earlier.Id,
            ReportedById = user.PersonId,
            ReportedByName = user.Name,
            ReportedAt = db.Clock.GetUtcNow().UtcDateTime,
            Source = source,
        };
        var comment = $"corrected from {PlanChecks.FormatNumber(earlier.Value)} to {PlanChecks.FormatNumber(value.Value)}: {value.Note}";
        return await SaveAsync(user, value, upload, contentType, "value-corrected", comment, cancellationToken);
    }

    /// <summary>Every value of an indicator, newest period first, each chain from its current figure back to the first report.</summary>
    public async Task<IReadOnlyList<ValueEntry>> HistoryAsync(Indicator indicator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var rows = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.IndicatorId == indicator.Id).ToListAsync(cancellationToken);
        return Chain(indicator.Frequency, rows);
    }

    /// <summary>Orders values and links each to the one that superseded it and the one it corrects.</summary>
    public static IReadOnlyList<ValueEntry> Chain(ReportingFrequency frequency, IReadOnlyList<IndicatorValue> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byId = rows.ToDictionary(r => r.Id);
        var supersededBy = rows.Where(r => r.SupersedesId is not null).ToDictionary(r => r.SupersedesId!.Value, r => r.Id);
        return [.. rows
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.SubPeriod).ThenByDescending(r => r.Id)
            .Select(r => new ValueEntry(
                r,
                new ReportingPeriod(frequency, r.Year, r.SubPeriod),
                supersededBy.TryGetValue(r.Id, out var later) ? later : null,
                r.SupersedesId is { } earlier ? byId.GetValueOrDefault(earlier) : null))];
    }

    /// <summary>Why a period cannot be reported for, or null: it must lie in the plan, after the baseline, and have begun.</summary>
    public static string? PeriodProblem(Plan plan, Indicator indicator, ReportingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(indicator);
        if (period.Year < plan.StartYear || period.Year > plan.EndYear)
        {
            return $"The period {period} is outside the plan ({plan.StartYear}–{plan.EndYear}).";
        }

        if (period.Year <= indicator.BaselineYear)
        {
            return $"The period {period} is not after the baseline year {indicator.BaselineYear}.";
        }

        var firstDay = period.Previous().EndDate.AddDays(1);
        return firstDay > today ? $"The period {period} has not begun yet." : null;
    }

    private static void CheckValue(ValidationErrors errors, decimal? value, string? note, bool required)
    {
        if (value is null)
        {
            errors.Add("value", "The value is required.");
        }
        else if (Math.Abs(value.Value) >= 1_000_000_000_000m)
        {
            errors.Add("value", "The value is too large.");
        }

        if (required && string.IsNullOrWhiteSpace(note))
        {
            errors.Add("note", "Say why the value is corrected.");
        }
        else if (note is { Length: > PlanChecks.MaxNoteLength })
        {
            errors.Add("note", $"The note must be at most {PlanChecks.MaxNoteLength} characters.");
        }
    }

    private async Task<string?> CheckEvidenceAsync(CurrentUser user, ValidationErrors errors, int? evidenceId, EvidenceUpload? upload, CancellationToken cancellationToken)
    {
        if (evidenceId is { } id && await IndicatorEvidenceAccess.FindVisibleAsync(db, user, id, cancellationToken) is null)
        {
            errors.Add("evidenceId", $"There is no evidence file {id}.");
        }

        if (upload is null)
        {
            return null;
        }

        if (evidenceId is not null)
        {
            errors.Add("evidence", "Attach a new file or name an uploaded one, not both.");
        }

        if (IndicatorEvidenceStore.Problem(upload, out var contentType) is { } problem)
        {
            errors.Add("evidence", problem);
        }

        return contentType;
    }

    private async Task<Outcome<IndicatorValue>> SaveAsync(
        CurrentUser user, IndicatorValue value, EvidenceUpload? upload, string? contentType, string action, string? comment, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (upload is not null)
            {
                var file = await evidence.StoreAsync(upload, contentType!, user.PersonId, user.Name, cancellationToken);
                db.DescribeNextSave("evidence-attached", comment);
                await db.SaveChangesAsync(cancellationToken);
                value.EvidenceId = file.Id;
            }

            db.Set<IndicatorValue>().Add(value);
            db.DescribeNextSave(action, comment ?? (value.Note.Length > 0 ? value.Note : null));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome.Done(value);
        }
        catch (DbUpdateException)
        {
            // The unique indexes caught someone else reporting or correcting the same period at the same moment.
            return Outcome.Conflict<IndicatorValue>("Someone else reported or corrected this value at the same moment; reload and check before trying again.");
        }
    }
}
