using Followthrough.Tasks;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tests.Evaluation;

/// <summary>Reads, fills and clears the tasks' summaries of answered reporting periods (tasks.reported_periods) in tests.</summary>
internal static class Summaries
{
    /// <summary>Fills every missing summary, then checks that the unit's tasks all have one (so a bulletin reads them).</summary>
    public static async Task<int> FillAsync(FollowthroughDb db, int unitId)
    {
        var written = await new ReportedPeriodSummaries(db).FillAsync();
        Assert.Equal(0L, await MissingAsync(db, unitId));
        return written;
    }

    /// <summary>Clears the unit's summaries, so the bulletin reads its tasks' reports.</summary>
    public static async Task ForgetAsync(FollowthroughDb db, int unitId)
    {
        await db.Database.ExecuteSqlAsync($"UPDATE tasks SET reported_periods = NULL WHERE lead_unit_id = {unitId}");
        var tasks = await db.Database.SqlQuery<long>($"SELECT CAST(COUNT(*) AS BIGINT) AS \"Value\" FROM tasks WHERE lead_unit_id = {unitId}").SingleAsync();
        Assert.Equal(tasks, await MissingAsync(db, unitId));
    }

    /// <summary>How many of the unit's tasks have no summary.</summary>
    public static Task<long> MissingAsync(FollowthroughDb db, int unitId) =>
        db.Database.SqlQuery<long>($"SELECT CAST(COUNT(*) AS BIGINT) AS \"Value\" FROM tasks WHERE lead_unit_id = {unitId} AND reported_periods IS NULL").SingleAsync();

    public static async Task<string?> OfAsync(FollowthroughDb db, int taskId) =>
        Assert.Single(await db.Database.SqlQuery<string?>($"SELECT reported_periods AS \"Value\" FROM tasks WHERE id = {taskId}").ToListAsync());
}
