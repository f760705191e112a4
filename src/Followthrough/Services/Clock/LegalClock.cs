using Followthrough.Calendar;

namespace Followthrough.Services.Clock;

/// <summary>
/// The legal clock of an application (办件), as the Administrative Licensing Law counts it: in working days without
/// statutory holidays (Art. 82), the day of acceptance not counted, each working day after it counted once except
/// those inside a pause (Art. 45, both ends included), and the due date the day on which the
/// (time limit + extension)-th counted working day falls. Plain rules over the Calendar module's
/// <see cref="WorkingCalendar"/>, with no clock or database of their own.
/// </summary>
public static class LegalClock
{
    /// <summary>
    /// The largest extension the law grants: 15 working days, for items handled jointly or centrally by several units
    /// (Art. 42: 45 + 15); a single agency's decision may be extended by 10 (<see cref="SingleAgencyExtension"/>).
    /// </summary>
    public const int MaxExtension = 15;

    /// <summary>Art. 42: a single agency's 20 working days may be extended by 10 with its head's approval.</summary>
    public const int SingleAgencyExtension = 10;

    /// <summary>The longest time limit accepted: ten years of working days, far beyond any statutory limit.</summary>
    public const int MaxDays = 2_500;

    /// <summary>
    /// Checks a request for a due date, one message per field: the time limit 1 to <see cref="MaxDays"/>, the
    /// extension 0 to <see cref="MaxExtension"/>, every pause from a date on or after acceptance to a date not before it.
    /// </summary>
    public static void Check(DateOnly accepted, int days, IReadOnlyList<ClockPause> pauses, int extension, ValidationErrors errors, string pauseField = "pause")
    {
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentNullException.ThrowIfNull(errors);
        if (days is < 1 or > MaxDays)
        {
            errors.Add("days", $"The time limit must be from 1 to {MaxDays} working days.");
        }

        if (extension is < 0 or > MaxExtension)
        {
            errors.Add("extend", extension < 0
                ? "The extension must not be negative."
                : $"The extension must be at most {MaxExtension} working days, the legal maximum (Administrative Licensing Law Art. 42).");
        }

        foreach (var pause in pauses)
        {
            if (pause.From > pause.To)
            {
                errors.Add(pauseField, $"The pause {Iso(pause.From)}..{Iso(pause.To)} starts after it ends.");
            }
            else if (pause.From < accepted)
            {
                errors.Add(pauseField, $"The pause {Iso(pause.From)}..{Iso(pause.To)} starts before the acceptance date {Iso(accepted)}.");
            }
        }
    }

    /// <summary>The due date of a time limit of <paramref name="days"/> working days accepted on <paramref name="accepted"/>.</summary>
    /// <exception cref="ArgumentException">The request fails <see cref="Check"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the calendar, or the due date would be after its end.</exception>
    public static LegalDeadline Due(WorkingCalendar calendar, DateOnly accepted, int days, IReadOnlyList<ClockPause>? pauses = null, int extension = 0)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        pauses ??= [];
        var errors = new ValidationErrors();
        Check(accepted, days, pauses, extension, errors);
        if (!errors.IsEmpty)
        {
            throw new ArgumentException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        }

        var joined = Join(pauses);
        var counted = days + extension;
        var remaining = counted;
        var cursor = accepted; // every working day up to and including the cursor is settled
        var paused = 0;
        foreach (var pause in joined)
        {
            if (pause.From > cursor)
            {
                var before = calendar.WorkingDaysBetween(cursor, pause.From.AddDays(-1)).WorkingDays;
                if (before >= remaining)
                {
                    break; // the due date falls before this pause, which then changes nothing
                }

                remaining -= before;
            }

            var from = pause.From > cursor ? pause.From.AddDays(-1) : cursor;
            paused += calendar.WorkingDaysBetween(from, pause.To).WorkingDays;
            cursor = pause.To;
        }

        var due = calendar.AddWorkingDays(cursor, remaining).Date;
        return new LegalDeadline(accepted, days, extension, counted, due, paused, joined, calendar.WorkingDaysBetween(accepted, due).Provisional);
    }

    /// <summary>
    /// Working days left to <paramref name="due"/> seen from <paramref name="today"/>: the working days after today up
    /// to and including the due date; 0 on the due date itself, negative (working days overdue) after it.
    /// </summary>
    public static int WorkingDaysLeft(WorkingCalendar calendar, DateOnly today, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(today, due).WorkingDays;
    }

    /// <summary>Pauses in order, overlapping or touching ones joined, so no working day is taken off twice.</summary>
    private static List<ClockPause> Join(IReadOnlyList<ClockPause> pauses)
    {
        var joined = new List<ClockPause>();
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (joined.Count > 0 && pause.From <= joined[^1].To.AddDays(1))
            {
                var last = joined[^1];
                joined[^1] = last with { To = pause.To > last.To ? pause.To : last.To };
            }
            else
            {
                joined.Add(pause);
            }
        }

        return joined;
    }

    private static string Iso(DateOnly date) => CalendarInput.Iso(date);
}
