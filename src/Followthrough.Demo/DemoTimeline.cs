using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;

namespace Followthrough.Demo;

/// <summary>
/// For the demo writers that set down a task's past directly (<see cref="DemoTasks"/>, the demo commitments): the
/// time of day a past step is dated at, and the timeline row a step leaves.
/// </summary>
internal static class DemoTimeline
{
    /// <summary>Ten in the morning, Beijing time, as UTC.</summary>
    public static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    public static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    /// <summary>Adds the timeline row of a step taken on <paramref name="on"/>; the caller saves.</summary>
    public static void Step(FollowthroughDb db, WorkTask task, string action, DateOnly on, TaskState? from, TaskState? to, Person by, string? comment, string? details = null) =>
        db.Set<TaskEvent>().Add(new TaskEvent
        {
            WorkTask = task,
            OccurredAt = At(on),
            ActorId = by.Id,
            ActorName = by.NameZh,
            Action = action,
            FromState = from,
            ToState = to,
            Comment = comment,
            Details = details,
        });
}
