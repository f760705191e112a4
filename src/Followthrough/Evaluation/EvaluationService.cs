using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Evaluation;

/// <summary>
/// The supervision office's entries in a bulletin: a quality score per unit and period, and reward or accountability
/// notes. Each is one save, audited with the step's name; nobody but the office may write them.
/// </summary>
internal sealed class EvaluationService(FollowthroughDb db, OrganizationDirectory units)
{
    public const int MaxComment = 500;
    public const int MaxNote = 1000;

    /// <summary>Sets (or changes) the unit's quality score for the period. A change names the version it is based on.</summary>
    public async Task<Outcome<EvaluationScore>> SetScoreAsync(
        CurrentUser user, int unitId, string? periodText, int? score, string? comment, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!EvaluationPermissions.CanEvaluateUnits(user))
        {
            return Outcome.Forbidden<EvaluationScore>("Only the supervision office enters quality scores.");
        }

        var errors = new ValidationErrors();
        var period = Period(periodText, errors);
        if (score is null or < 0 or > 100)
        {
            errors.Add("score", "The quality score is a whole number from 0 to 100.");
        }

        if ((comment?.Length ?? 0) > MaxComment)
        {
            errors.Add("comment", $"The comment must be at most {MaxComment} characters.");
        }

        if (!await units.UnitExistsAsync(unitId, cancellationToken))
        {
            errors.Add("unitId", "There is no such unit.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<EvaluationScore>(errors);
        }

        var key = period!.Key;
        var existing = await db.Set<EvaluationScore>().SingleOrDefaultAsync(s => s.UnitId == unitId && s.Period == key, cancellationToken);
        if (existing is null)
        {
            existing = new EvaluationScore { UnitId = unitId, Period = key, EnteredByName = user.Name };
            db.Set<EvaluationScore>().Add(existing);
        }
        else
        {
            if (expectedVersion is { } version && version != existing.Version)
            {
                return Outcome.Stale<EvaluationScore>(existing.Version);
            }

            db.Entry(existing).Property(s => s.Version).OriginalValue = expectedVersion ?? existing.Version;
            existing.Version++;
        }

        existing.Score = score!.Value;
        existing.Comment = comment?.Trim() ?? string.Empty;
        existing.EnteredById = user.PersonId;
        existing.EnteredByName = user.Name;
        db.DescribeNextSave("score-unit", $"{key}: {existing.Score}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.UnitId == unitId && s.Period == key)
                .Select(s => s.Version).SingleAsync(cancellationToken);
            return Outcome.Stale<EvaluationScore>(current);
        }
        catch (DbUpdateException) when (existing.Version == 1)
        {
            // Two supervisors scored the same unit and period at once: the unique index kept one; the other re-reads.
            return Outcome.Stale<EvaluationScore>(1);
        }

        return Outcome.Done(existing);
    }

    /// <summary>Records a reward (表扬) or accountability (问责) note against a unit for the period.</summary>
    public async Task<Outcome<EvaluationNote>> AddNoteAsync(
        CurrentUser user, int? unitId, string? periodText, NoteKind? kind, string? text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!EvaluationPermissions.CanEvaluateUnits(user))
        {
            return Outcome.Forbidden<EvaluationNote>("Only the supervision office records rewards and accountability.");
        }

        var errors = new ValidationErrors();
        var period = Period(periodText, errors);
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", "The kind is Reward or Accountability.");
        }

        errors.Require("text", text, "The note", MaxNote);
        if (unitId is null || !await units.UnitExistsAsync(unitId.Value, cancellationToken))
        {
            errors.Add("unitId", "There is no such unit.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<EvaluationNote>(errors);
        }

        var note = new EvaluationNote
        {
            UnitId = unitId!.Value,
            Period = period!.Key,
            Kind = kind!.Value,
            Text = text!.Trim(),
            RecordedById = user.PersonId,
            RecordedByName = user.Name,
            RecordedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<EvaluationNote>().Add(note);
        db.DescribeNextSave(kind == NoteKind.Reward ? "commend-unit" : "hold-unit-accountable", $"{note.Period}: {note.Text}");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(note);
    }

    private static EvaluationPeriod? Period(string? text, ValidationErrors errors)
    {
        if (EvaluationPeriod.TryParse(text, out var period, out var error))
        {
            return period;
        }

        errors.Add("period", error);
        return null;
    }
}
