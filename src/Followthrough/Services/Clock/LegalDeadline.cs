namespace Followthrough.Services.Clock;

/// <summary>
/// Where an application's time limit ends.
/// </summary>
/// <param name="Accepted">The day of acceptance (受理), which does not count.</param>
/// <param name="Days">The time limit in working days.</param>
/// <param name="Extension">Working days added by an approved extension (Art. 42).</param>
/// <param name="CountedDays">Working days counted to reach the due date: <paramref name="Days"/> + <paramref name="Extension"/>.</param>
/// <param name="Due">The day on which the last counted working day falls.</param>
/// <param name="PausedWorkingDays">Working days inside pauses that pushed the due date back (pauses after it change nothing).</param>
/// <param name="Pauses">The pauses as given, overlapping ones joined, in order.</param>
/// <param name="Provisional">True when the count reaches a year with no official holiday schedule loaded (weekends only).</param>
public sealed record LegalDeadline(
    DateOnly Accepted,
    int Days,
    int Extension,
    int CountedDays,
    DateOnly Due,
    int PausedWorkingDays,
    IReadOnlyList<ClockPause> Pauses,
    bool Provisional);
