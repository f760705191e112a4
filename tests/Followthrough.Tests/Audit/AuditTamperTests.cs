using System.Data.Common;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Audit;

/// <summary>
/// Tampering with the trail the way someone with database access could, and `followthrough audit verify` catching
/// it. Every test gets its own database: tampering is destructive.
/// </summary>
public abstract class AuditTamperTests
{
    protected abstract DatabaseProvider Provider { get; }

    /// <summary>SQL that switches the append-only triggers off, as a DBA could.</summary>
    protected abstract string DisableTriggersSql { get; }

    [Fact]
    public async Task IntactTrail_VerifyExitsZero_AndCountsEveryEntry()
    {
        await using var database = await DemoDatabaseAsync();
        var count = await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries");

        var result = await VerifyAsync(database);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"intact, {count} entries", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triggers_RefuseUpdateAndDelete_AndTheTrailStaysIntact()
    {
        await using var database = await DemoDatabaseAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(database.Settings, "UPDATE audit_entries SET after_json = '{}' WHERE sequence = 3"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            RawSql.ExecuteAsync(database.Settings, "DELETE FROM audit_entries WHERE sequence = 3"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await VerifyAsync(database)).ExitCode);
    }

    [Fact]
    public async Task EditedEntry_WithTriggersBypassed_IsNamedByVerify()
    {
        await using var database = await DemoDatabaseAsync();
        var middle = await MiddleAsync(database);
        await RawSql.ExecuteAsync(database.Settings, DisableTriggersSql);
        await RawSql.ExecuteAsync(database.Settings, $"UPDATE audit_entries SET after_json = '{{\"name_zh\":\"forged\"}}' WHERE sequence = {middle}");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {middle}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("was changed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedMiddleEntry_WithTriggersBypassed_IsNamedByVerify()
    {
        await using var database = await DemoDatabaseAsync();
        var middle = await MiddleAsync(database);
        await RawSql.ExecuteAsync(database.Settings, DisableTriggersSql);
        await RawSql.ExecuteAsync(database.Settings, $"DELETE FROM audit_entries WHERE sequence = {middle}");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {middle}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedLastEntry_WithTriggersBypassed_IsDetectedAgainstTheHead()
    {
        await using var database = await DemoDatabaseAsync();
        var last = await RawSql.ScalarAsync(database.Settings, "SELECT MAX(sequence) FROM audit_entries");
        await RawSql.ExecuteAsync(database.Settings, DisableTriggersSql);
        await RawSql.ExecuteAsync(database.Settings, $"DELETE FROM audit_entries WHERE sequence = {last}");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {last}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("removed from the end", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedTailAndHeadRewound_IsStillDetectedWhenTheHeadHashDiffers()
    {
        // The intruder deletes the last entry and winds the head's counter back, but cannot know the hash to put there.
        await using var database = await DemoDatabaseAsync();
        var last = await RawSql.ScalarAsync(database.Settings, "SELECT MAX(sequence) FROM audit_entries");
        await RawSql.ExecuteAsync(database.Settings, DisableTriggersSql);
        await RawSql.ExecuteAsync(database.Settings, $"DELETE FROM audit_entries WHERE sequence = {last}");
        await RawSql.ExecuteAsync(database.Settings, $"UPDATE audit_head SET last_sequence = {last - 1}");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {last - 1}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("chain head", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryAppendedBehindTheHeadsBack_IsDetected()
    {
        await using var database = await DemoDatabaseAsync();
        var last = await RawSql.ScalarAsync(database.Settings, "SELECT MAX(sequence) FROM audit_entries");
        await RawSql.ExecuteAsync(database.Settings,
            "INSERT INTO audit_entries (sequence, occurred_at, actor_id, actor_name, action, entity_type, entity_id, previous_hash, hash) "
            + $"SELECT sequence + 1, occurred_at, actor_id, actor_name, action, entity_type, entity_id, hash, hash FROM audit_entries WHERE sequence = {last}");

        var result = await VerifyAsync(database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {last + 1}:", result.Error, StringComparison.Ordinal);
    }

    private async Task<TestDatabase> DemoDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        var loaded = await CliRun.RunAsync(database.ConnectionString, "demo", "load");
        Assert.True(loaded.ExitCode == 0, loaded.All);
        return database;
    }

    private static Task<CliResult> VerifyAsync(TestDatabase database) => CliRun.RunAsync(database.ConnectionString, "audit", "verify");

    private static async Task<long> MiddleAsync(TestDatabase database) =>
        await RawSql.ScalarAsync(database.Settings, "SELECT MAX(sequence) FROM audit_entries") / 2;
}

public sealed class AuditTamperOnSqlite : AuditTamperTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string DisableTriggersSql => "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;";
}

public sealed class AuditTamperOnPostgreSql : AuditTamperTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string DisableTriggersSql => "ALTER TABLE audit_entries DISABLE TRIGGER USER";
}
