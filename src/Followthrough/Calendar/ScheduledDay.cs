namespace Followthrough.Calendar;

/// <summary>One day a schedule lists: a rest day (<see cref="IsOffDay"/>) or a working day, with the holiday's name.</summary>
public readonly record struct ScheduledDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>
/// One year's official notice (e.g. the State Council's schedule for 2025). It lists the year's holidays and make-up
/// working days and may list late-December days of the previous year. Weekends joined to a holiday may be left out.
/// </summary>
public sealed record NoticeSchedule(int Year, IReadOnlyList<ScheduledDay> Days);
