namespace Followthrough.Supervision;

/// <summary>
/// A seam for work other modules hold under a committed time limit (a service application, ...), which the daily run
/// reminds and urges like a task's deadline: a reminder to the unit that holds it when its limit falls within the
/// due-soon window, an urging notice once it has passed. The module that owns the work fills it (registered as
/// <see cref="ISupervisedWork"/>); supervision knows nothing of what the work is.
/// </summary>
public interface ISupervisedWork
{
    /// <summary>The open work whose limit falls on or before <paramref name="until"/>, each with the working days it is
    /// late on <paramref name="today"/> (0 when not yet late). Read a page at a time; the run writes each page's notices
    /// as it goes.</summary>
    IAsyncEnumerable<WorkDue> DueByAsync(DateOnly today, DateOnly until, CancellationToken cancellationToken);
}

/// <summary>
/// One piece of work under a limit, as a notice names it. <see cref="Key"/> is stable and unique across modules (for
/// example <c>service-application:42</c>); <see cref="Link"/> is the page the unit acts on.
/// </summary>
public sealed record WorkDue(string Key, int UnitId, string Code, string Title, string Link, DateOnly DueOn, int WorkingDaysLate);
