using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Audit;

/// <summary>
/// `followthrough audit reconcile`: records changed with plain SQL, behind the product's back, are listed; an
/// untouched database lists nothing. Every test gets its own database: tampering is destructive.
/// </summary>
public abstract class AuditReconcileTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task UntouchedDemo_ReconcilesWithoutAMismatch()
    {
        await using var database = await DemoDatabaseAsync();

        var result = await CliRun.RunAsync(database.ConnectionString, "audit", "reconcile");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains(", 0 mismatches", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(": the ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleChangedWithRawSql_TagDeletedAndUnitInserted_AreEachListed()
    {
        await using var database = await DemoDatabaseAsync();
        var taskId = await RawSql.ScalarAsync(database.Settings, "SELECT MIN(id) FROM tasks");
        var taggedTaskId = await RawSql.ScalarAsync(database.Settings, "SELECT MIN(task_id) FROM task_tags");
        await RawSql.ExecuteAsync(database.Settings, $"UPDATE tasks SET title = 'Changed behind its back' WHERE id = {taskId}");
        await RawSql.ExecuteAsync(database.Settings, $"DELETE FROM task_tags WHERE task_id = {taggedTaskId}");
        await RawSql.ExecuteAsync(database.Settings,
            "INSERT INTO units (code, name_zh, name_en, kind, created_at, updated_at) "
            + "SELECT 'GHOST', name_zh, name_en, kind, created_at, updated_at FROM units WHERE id = (SELECT MIN(id) FROM units)");
        var ghostId = await RawSql.ScalarAsync(database.Settings, "SELECT id FROM units WHERE code = 'GHOST'");

        var result = await CliRun.RunAsync(database.ConnectionString, "audit", "reconcile");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"tasks {taskId}: title: the trail says ", result.Output, StringComparison.Ordinal);
        Assert.Contains("the database has \"Changed behind its back\"", result.Output, StringComparison.Ordinal);
        Assert.Contains($"task_tags {taggedTaskId}/", result.Output, StringComparison.Ordinal);
        Assert.Contains("the record is gone, but its trail does not record its deletion", result.Output, StringComparison.Ordinal);
        Assert.Contains($"units {ghostId}: the record has no audit trail", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"tasks {taskId + 1}:", result.Output, StringComparison.Ordinal);
        Assert.Contains("mismatches", result.Error, StringComparison.Ordinal);
    }

    private async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        var loaded = await CliRun.RunAsync(database.ConnectionString, "demo", "load");
        Assert.True(loaded.ExitCode == 0, loaded.All);
        return database;
    }
}

public sealed class AuditReconcileOnSqlite : AuditReconcileTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AuditReconcileOnPostgreSql : AuditReconcileTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
