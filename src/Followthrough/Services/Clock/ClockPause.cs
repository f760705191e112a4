namespace Followthrough.Services.Clock;

/// <summary>
/// A period that does not count against a time limit (Administrative Licensing Law Art. 45: hearings, testing,
/// inspection, expert review...), both ends included: no working day from <see cref="From"/> to <see cref="To"/> counts.
/// </summary>
public readonly record struct ClockPause(DateOnly From, DateOnly To);
