using Followthrough.Evaluation;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;

namespace Followthrough.Tests.Evaluation;

/// <summary>
/// A hand-checked fixture for the first quarter of 2025, across the Spring Festival, on the test calendar
/// (28 January – 4 February off; Sunday 26 January and Saturday 8 February worked), "today" Monday 10 March 2025.
/// All tasks report monthly. The figures, worked out by hand:
///
/// | task | deadline | what happened | counts as | delay (working days) |
/// | A | Fri 7 Feb  | claimed 6 Feb, closed 10 Feb | closed on time | – |
/// | B | Mon 27 Jan | claimed Sat 8 Feb (a make-up working day), closed 12 Feb | closed late | 5, 6, 7, 8 Feb = 4 (28 Jan – 4 Feb are off) |
/// | C | Fri 28 Feb | still in progress | still overdue | 3, 4, 5, 6, 7, 10 Mar = 6 |
/// | D | Mon 31 Mar | in progress | not yet due | – |
/// | E | Wed 5 Mar  | claimed 4 Mar | awaiting verification | – |
/// | F | 20 Feb, a draft; G, cancelled; H, due 2 April | – | not counted | – |
///
/// Due 5; on time 1, late 1, overdue 1, awaiting 1, not yet due 1; on-time rate 1 ÷ (1 + 1 + 1) = 33.3%;
/// average delay (4 + 6) ÷ 2 = 5.0 working days.
///
/// Reports (monthly; the part-month of assignment folds into the next month; only periods that ended in the quarter,
/// before today and before completion count):
/// - A, assigned Mon 2 Dec 2024: first period 2 Dec – 31 Jan, answered 20 Jan → 1 due, 1 on time (completed 6 Feb, so
///   February is not owed).
/// - B, assigned Thu 2 Jan: first period 2 Jan – 28 Feb ends after its completion (8 Feb) → nothing owed.
/// - C, assigned Fri 1 Nov 2024: periods are calendar months; reports 25 Nov, 20 Dec, 10 Feb → January missing,
///   February on time → 2 due, 1 on time.
/// - D, assigned Mon 6 Jan: 6 Jan – 28 Feb owed; its 20 Feb report was returned (does not count) and the 3 March report
///   answers March → 1 due, 0 on time.
/// - E, assigned Thu 2 Jan: 2 Jan – 28 Feb, answered 14 Feb → 1 due, 1 on time.
/// Reports due 5, on time 3 (60%). With a quality score of 80:
/// score = 0.5 × 33.33 + 0.2 × 60 + 0.3 × 80 = 16.67 + 12 + 24 = 52.67.
/// </summary>
internal static class BulletinFixture
{
    public static readonly DateOnly Today = new(2025, 3, 10);

    /// <summary>The bulletin on the test calendar.</summary>
    public static BulletinBuilder Builder(FollowthroughDb db) =>
        new(db, new TaskFigures(db, Tests.Tasks.TestCalendar.Instance), new OrganizationDirectory(db), []);

    public static async Task<Unit> AddAsync(FollowthroughDb db, string code)
    {
        var unit = new Unit { Code = code, NameZh = "考核样例局", NameEn = "Fixture Bureau", Kind = UnitKind.Bureau };
        db.Set<Unit>().Add(unit);
        await db.SaveChangesAsync();
        var a = Task(unit, code, "A", D(2025, 2, 7), TaskState.Closed, D(2024, 12, 2), claimed: D(2025, 2, 6), closed: D(2025, 2, 10));
        var b = Task(unit, code, "B", D(2025, 1, 27), TaskState.Closed, D(2025, 1, 2), claimed: D(2025, 2, 8), closed: D(2025, 2, 12));
        var c = Task(unit, code, "C", D(2025, 2, 28), TaskState.InProgress, D(2024, 11, 1));
        var d = Task(unit, code, "D", D(2025, 3, 31), TaskState.InProgress, D(2025, 1, 6));
        var e = Task(unit, code, "E", D(2025, 3, 5), TaskState.CompletionClaimed, D(2025, 1, 2), claimed: D(2025, 3, 4));
        var f = Task(unit, code, "F", D(2025, 2, 20), TaskState.Draft, null);
        var g = Task(unit, code, "G", D(2025, 2, 21), TaskState.Cancelled, D(2025, 1, 6));
        var h = Task(unit, code, "H", D(2025, 4, 2), TaskState.Closed, D(2025, 1, 6), claimed: D(2025, 2, 1), closed: D(2025, 2, 3));
        db.Set<WorkTask>().AddRange(a, b, c, d, e, f, g, h);
        await db.SaveChangesAsync();
        Report(db, a, D(2025, 1, 20));
        Report(db, c, D(2024, 11, 25));
        Report(db, c, D(2024, 12, 20));
        Report(db, c, D(2025, 2, 10));
        Report(db, d, D(2025, 2, 20), returned: true);
        Report(db, d, D(2025, 3, 3));
        Report(db, e, D(2025, 2, 14));
        await db.SaveChangesAsync();
        return unit;
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static WorkTask Task(Unit unit, string code, string letter, DateOnly deadline, TaskState state, DateOnly? assigned,
        DateOnly? claimed = null, DateOnly? closed = null) => new()
    {
        Code = $"{code}-{letter}",
        Title = $"Fixture task {letter}",
        LeadUnitId = unit.Id,
        Deadline = deadline,
        State = state,
        AssignedOn = assigned,
        SignedOn = assigned?.AddDays(1),
        CompletionClaimedOn = claimed,
        ClosedOn = closed,
        ReportingCadence = ReportingCadence.Monthly,
    };

    /// <summary>A progress report on <paramref name="on"/> (returned the next day when <paramref name="returned"/>): only its task,
    /// day and return count for the bulletin.</summary>
    internal static void Report(FollowthroughDb db, WorkTask task, DateOnly on, bool returned = false) =>
        db.Set<ProgressReport>().Add(new ProgressReport
        {
            TaskId = task.Id,
            ReportedOn = on,
            ReportedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            ReportedByName = "fixture",
            Percent = 50,
            ReturnedAt = returned ? on.AddDays(1).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) : null,
            ReturnedByName = returned ? "supervisor" : null,
            ReturnReason = returned ? "Incomplete" : null,
        });
}
