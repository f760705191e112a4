using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Audit;

/// <summary>
/// The keyed chain and its checkpoints against someone who can write the database but has neither the audit key nor
/// the checkpoints: the history rewritten the way the outside test did it (the chain recomputed with SHA-256), with a
/// key of their own, or cut short. Every test gets its own database and its own key file.
/// </summary>
public abstract class AuditKeyedChainTests
{
    protected abstract DatabaseProvider Provider { get; }

    /// <summary>SQL that switches the append-only triggers off, as a DBA could.</summary>
    protected abstract string DisableTriggersSql { get; }

    [Fact]
    public async Task KeyedDemo_EveryEntryCarriesTheKey_AndVerifies_AndTheKeyFileIsTheOwnersAlone()
    {
        await using var keyed = await KeyedDemoAsync();

        var verify = await keyed.RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Equal(0, await RawSql.ScalarAsync(keyed.Database.Settings, "SELECT COUNT(*) FROM audit_entries WHERE key_id IS NULL"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyed.KeyFile));
        }
    }

    [Fact]
    public async Task TamperedEntry_ChainRecomputedWithPlainSha256_FailsVerify()
    {
        await using var keyed = await KeyedDemoAsync();
        var middle = await MiddleAsync(keyed);

        await RewriteAsync(keyed, middle, key: null);

        var result = await keyed.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"entry {middle}:", result.Error, StringComparison.Ordinal);
        Assert.Contains("without the audit key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChainRecomputedWithAWrongKeyOfTheSameId_FailsVerifyAtTheFirstEntry()
    {
        await using var keyed = await KeyedDemoAsync();
        var keyId = await FirstKeyIdAsync(keyed);

        await RewriteAsync(keyed, 1, new AuditKey(keyId, new byte[32]));

        var result = await keyed.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("entry 1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not match its keyed hash", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryCutShortAfterACheckpoint_PassesPlainVerify_ButFailsVerifyAgainstTheCheckpoint()
    {
        await using var keyed = await KeyedDemoAsync();
        var checkpoint = await keyed.RunAsync("audit", "checkpoint", "--file", keyed.CheckpointFile);
        Assert.True(checkpoint.ExitCode == 0, checkpoint.All);
        var last = await RawSql.ScalarAsync(keyed.Database.Settings, "SELECT MAX(sequence) FROM audit_entries");
        var keep = last - 10;

        // The intruder removes the last ten entries and winds the head back to the entry that is now the last.
        await RawSql.ExecuteAsync(keyed.Database.Settings, DisableTriggersSql);
        await RawSql.ExecuteAsync(keyed.Database.Settings, $"DELETE FROM audit_entries WHERE sequence > {keep}");
        await RawSql.ExecuteAsync(keyed.Database.Settings,
            $"UPDATE audit_head SET last_sequence = {keep}, last_hash = (SELECT hash FROM audit_entries WHERE sequence = {keep})");

        var plain = await keyed.RunAsync("audit", "verify");
        var anchored = await keyed.RunAsync("audit", "verify", "--checkpoint", keyed.CheckpointFile);

        Assert.True(plain.ExitCode == 0, plain.All); // what the checkpoint is for: the database alone cannot tell
        Assert.Equal(1, anchored.ExitCode);
        Assert.Contains($"records entry {last}, but the trail ends at entry {keep}", anchored.Error, StringComparison.Ordinal);
        Assert.Contains("removed after that checkpoint", anchored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeTrailRecomputedUnkeyedAfterACheckpoint_FailsVerifyAgainstTheCheckpoint()
    {
        await using var keyed = await KeyedDemoAsync();
        Assert.Equal(0, (await keyed.RunAsync("audit", "checkpoint", "--file", keyed.CheckpointFile)).ExitCode);

        await RewriteAsync(keyed, 1, key: null); // every entry, as if written before keying

        var anchored = await keyed.RunAsync("audit", "verify", "--checkpoint", keyed.CheckpointFile);
        Assert.Equal(1, anchored.ExitCode);
        Assert.Contains("rewritten after that checkpoint", anchored.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlteredCheckpoint_FailsItsSignature()
    {
        await using var keyed = await KeyedDemoAsync();
        Assert.Equal(0, (await keyed.RunAsync("audit", "checkpoint", "--file", keyed.CheckpointFile)).ExitCode);
        var line = (await File.ReadAllTextAsync(keyed.CheckpointFile)).Trim();
        var forged = line.Replace("\"sequence\":", "\"sequence\":1", StringComparison.Ordinal);
        await File.WriteAllTextAsync(keyed.CheckpointFile, forged + "\n");

        var result = await keyed.RunAsync("audit", "verify", "--checkpoint", keyed.CheckpointFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not match its signature", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatedKey_IsRecordedByIdOnly_AndOldEntriesStillVerify_WithTheWholeKeyFile()
    {
        await using var keyed = await KeyedDemoAsync();
        var oldId = await FirstKeyIdAsync(keyed);

        var rotated = await keyed.RunAsync("audit", "rotate-key", "--comment", "yearly rotation");

        Assert.True(rotated.ExitCode == 0, rotated.All);
        var lines = (await File.ReadAllLinesAsync(keyed.KeyFile)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Equal(2, lines.Count);
        var newId = lines[1].Split(' ')[0];
        var newSecret = lines[1].Split(' ')[1];
        var last = await LastEntryAsync(keyed);
        Assert.Equal(AuditKeyRotation.Action, last.Action);
        Assert.Equal(newId, last.KeyId);
        Assert.Contains(newId, last.AfterJson, StringComparison.Ordinal);
        Assert.Contains(oldId, last.AfterJson, StringComparison.Ordinal);
        Assert.DoesNotContain(newSecret, last.AfterJson, StringComparison.Ordinal);
        var verify = await keyed.RunAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.All);

        // Without the earlier key the earlier entries cannot be checked, and verify says which key it misses.
        var onlyNew = Path.Combine(keyed.Database.Folder, "only-new.keys");
        await File.WriteAllTextAsync(onlyNew, lines[1] + "\n");
        var partial = await CliRun.RunAsync(keyed.Database.ConnectionString, "audit", "verify", "--audit-key-file", onlyNew);
        Assert.Equal(1, partial.ExitCode);
        Assert.Contains(oldId, partial.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailWrittenBeforeKeying_StillVerifiesAsSha256_WithKeyedEntriesAfterIt()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        Assert.Equal(0, (await CliRun.RunAsync(database.ConnectionString, "demo", "load")).ExitCode); // no key configured
        var unkeyed = await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries WHERE key_id IS NULL");
        await using var keyed = new KeyedDatabase(database);

        Assert.True((await keyed.RunAsync("audit", "rotate-key")).ExitCode == 0); // the first keyed entries
        var verify = await keyed.RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.True(unkeyed > 100);
        Assert.Equal(unkeyed, await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries WHERE key_id IS NULL"));
        Assert.Equal(1, await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries WHERE key_id IS NOT NULL"));
    }

    private async Task<KeyedDatabase> KeyedDemoAsync()
    {
        var keyed = new KeyedDatabase(await TestDatabase.CreateAsync(Provider));
        var loaded = await keyed.RunAsync("demo", "load");
        Assert.True(loaded.ExitCode == 0, loaded.All);
        return keyed;
    }

    private static async Task<long> MiddleAsync(KeyedDatabase keyed) =>
        await RawSql.ScalarAsync(keyed.Database.Settings, "SELECT MAX(sequence) FROM audit_entries") / 2;

    private static Task<string> FirstKeyIdAsync(KeyedDatabase keyed) =>
        CoreServices.WithServicesAsync(keyed.Database.Settings, sp =>
            sp.GetRequiredService<FollowthroughDb>().Set<AuditEntry>().Where(e => e.Sequence == 1).Select(e => e.KeyId!).SingleAsync());

    private static Task<AuditEntry> LastEntryAsync(KeyedDatabase keyed) =>
        CoreServices.WithServicesAsync(keyed.Database.Settings, sp =>
            sp.GetRequiredService<FollowthroughDb>().Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync());

    /// <summary>
    /// What the outside test did in twenty lines: change the entry at <paramref name="from"/> and recompute the chain
    /// from there to the head, with <paramref name="key"/> (null: plain SHA-256, no key id).
    /// </summary>
    private async Task RewriteAsync(KeyedDatabase keyed, long from, AuditKey? key)
    {
        await RawSql.ExecuteAsync(keyed.Database.Settings, DisableTriggersSql);
        await CoreServices.WithServicesAsync(keyed.Database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var entries = await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            var previous = from == 1 ? AuditChain.Genesis : entries[(int)from - 2].Hash;
            foreach (var entry in entries.Where(e => e.Sequence >= from))
            {
                if (entry.Sequence == from)
                {
                    entry.Comment = "rewritten history";
                }

                entry.PreviousHash = previous;
                entry.KeyId = key?.Id;
                entry.Hash = AuditChain.ComputeHash(entry, key);
                previous = entry.Hash;
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE audit_entries SET comment = {entry.Comment}, previous_hash = {entry.PreviousHash}, hash = {entry.Hash}, key_id = {entry.KeyId} WHERE sequence = {entry.Sequence}");
            }

            await db.Database.ExecuteSqlAsync($"UPDATE audit_head SET last_hash = {previous} WHERE id = 1");
            return 0;
        });
    }
}

/// <summary>A test database with its own audit key file (created on the first write) and checkpoint file in its folder.</summary>
internal sealed class KeyedDatabase(TestDatabase database) : IAsyncDisposable
{
    public TestDatabase Database { get; } = database;

    public string KeyFile { get; } = Path.Combine(database.Folder, "keys", "audit.keys");

    public string CheckpointFile { get; } = Path.Combine(database.Folder, "checkpoints.jsonl");

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync(Database.ConnectionString, [.. args, "--audit-key-file", KeyFile]);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class AuditKeyedChainOnSqlite : AuditKeyedChainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string DisableTriggersSql => "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;";
}

public sealed class AuditKeyedChainOnPostgreSql : AuditKeyedChainTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string DisableTriggersSql => "ALTER TABLE audit_entries DISABLE TRIGGER USER";
}
