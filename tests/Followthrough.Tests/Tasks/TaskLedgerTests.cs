using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Tasks;

/// <summary>TaskLedger, the Tasks module's face to the others: drafts under the new-task form's rule, steps, standings; on both databases.</summary>
public abstract class TaskLedgerTests(AppFixture app)
{
    private static readonly CurrentUser Office = new(null, "office", Role.Supervisor, null);

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.Leader)]
    [InlineData(Role.UnitStaff)]
    public async Task CreateDrafts_WithoutTheOfficesRight_IsRefused_AndSavesNothing(Role role)
    {
        var unit = await app.UnitIdAsync("DL-DRC");
        var before = await TaskCountAsync();
        var done = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(
            new CurrentUser(null, "someone", role, unit), [Draft("refused", unit)]));
        Assert.Equal(OutcomeKind.Forbidden, done.Kind);
        Assert.Equal("Only the supervision office creates tasks.", done.Reason);
        Assert.Equal(before, await TaskCountAsync());
    }

    [Fact]
    public async Task CreateDrafts_NumbersCodesLikeCreateAsync_InOrder_WithTheirFirstStep()
    {
        var unit = await app.UnitIdAsync("DL-DRC");
        var first = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskWriting>().CreateAsync(Office, Draft("one by one", unit).Input));
        Assert.True(first.IsDone);
        var (prefix, number) = Split(first.Value!.Code);

        var made = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(
            Office, [Draft("first of two", unit, "from the ledger"), Draft("second of two", unit)], "tasks-created-in-a-test"));
        Assert.True(made.IsDone, made.Reason);
        Assert.Equal([Code(prefix, number + 1), Code(prefix, number + 2)], made.Value!.Select(d => d.Code));

        var next = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskWriting>().CreateAsync(Office, Draft("after them", unit).Input));
        Assert.Equal(Code(prefix, number + 3), next.Value!.Code);

        await using var scope = app.Db();
        var ids = made.Value!.Select(d => d.TaskId).ToList();
        var tasks = await scope.Db.Set<WorkTask>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync();
        Assert.All(tasks, t => Assert.Equal(TaskState.Draft, t.State));
        var steps = await scope.Db.Set<TaskEvent>().AsNoTracking().Where(e => ids.Contains(e.TaskId)).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["created", "created"], steps.Select(e => e.Action));
        Assert.Equal("from the ledger", steps[0].Comment);
    }

    [Fact]
    public async Task CreateDrafts_OneInvalid_NamesItsPlace_AndSavesNone()
    {
        var unit = await app.UnitIdAsync("DL-DRC");
        var before = await TaskCountAsync();
        var done = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(
            Office, [Draft("fine", unit), new DraftTask(new TaskInput { Title = "no unit", DeadlineKind = DeadlineKind.None })]));
        Assert.Equal(OutcomeKind.Invalid, done.Kind);
        Assert.Equal(["drafts[1].leadUnitId"], done.Errors!.ToDictionary().Keys);
        Assert.Equal(before, await TaskCountAsync());
    }

    [Fact]
    public async Task CreateDrafts_InTheCallersTransaction_RollsBackWithIt()
    {
        var unit = await app.UnitIdAsync("DL-DRC");
        var before = await TaskCountAsync();
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var made = await sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(Office, [Draft("rolled back", unit)]);
            Assert.True(made.IsDone);
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(before, await TaskCountAsync());
    }

    [Fact]
    public async Task RecordStep_AddsToTheTimeline_AndStandingsReportTheTask()
    {
        var unit = await app.UnitIdAsync("DL-DRC");
        var made = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().CreateDraftsAsync(Office, [Draft("stepped", unit)]));
        var id = made.Value![0].TaskId;
        Assert.True(await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().RecordStepAsync(id, "noted", "a note")));
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().RecordStepAsync(int.MaxValue, "noted", null)));

        await using (var scope = app.Db())
        {
            var last = await scope.Db.Set<TaskEvent>().AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.Id).LastAsync();
            Assert.Equal(("noted", "a note", TaskState.Draft), (last.Action, last.Comment, last.ToState));
        }

        var standings = await app.WithServicesAsync(sp => sp.GetRequiredService<TaskLedger>().StandingsAsync([id, int.MaxValue]));
        var standing = Assert.Single(standings);
        Assert.Equal((id, made.Value[0].Code, unit, StandingKind.NotAssigned), (standing.Id, standing.Code, standing.LeadUnitId, standing.Standing.Kind));
    }

    private static DraftTask Draft(string title, int unit, string? note = null) =>
        new(new TaskInput { Title = title + " " + Guid.NewGuid().ToString("N")[..6], LeadUnitId = unit, DeadlineKind = DeadlineKind.None }, note);

    private static (string Prefix, int Number) Split(string code)
    {
        var dash = code.LastIndexOf('-');
        return (code[..(dash + 1)], int.Parse(code[(dash + 1)..], CultureInfo.InvariantCulture));
    }

    private static string Code(string prefix, int number) => prefix + number.ToString("D4", CultureInfo.InvariantCulture);

    private Task<int> TaskCountAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<WorkTask>().CountAsync());
}

public sealed class SqliteTaskLedgerTests(SqliteApp app) : TaskLedgerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlTaskLedgerTests(PostgreSqlApp app) : TaskLedgerTests(app), IClassFixture<PostgreSqlApp>;
