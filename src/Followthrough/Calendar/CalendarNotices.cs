namespace Followthrough.Calendar;

/// <summary>Warnings about the calendar that administrators must act on (placeholder until the calendar module lands).</summary>
public sealed class CalendarNotices(TimeProvider clock)
{
    public NextYearNotice? NextYearWarning() => clock.GetUtcNow().Month >= 11 ? null : null;
}

public sealed record NextYearNotice(int Year);
