using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Audit;

/// <summary>
/// How the trail is written: in the same transaction as the change (both or neither), one writer at a time so the
/// chain never forks, and with the right record named. Each test uses its own empty database.
/// </summary>
public abstract class AuditWritingTests
{
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task TwentyConcurrentSaves_ProduceOneUnbrokenChain_NumberedWithoutGaps()
    {
        await using var database = await EmptyDatabaseAsync();
        await using var provider = CoreServices.Build(database.Settings);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            var unit = NewUnit($"PAR-{i:D2}");
            db.Set<Unit>().Add(unit);
            await db.SaveChangesAsync();
            unit.NameEn = $"Renamed {i}";
            await db.SaveChangesAsync();
        }));

        await using var check = provider.CreateAsyncScope();
        var verification = await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        var sequences = await check.ServiceProvider.GetRequiredService<FollowthroughDb>().Set<AuditEntry>()
            .OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(40, verification.EntriesChecked);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task FailedSave_WritesNoAuditEntry()
    {
        await using var database = await EmptyDatabaseAsync();
        await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(NewUnit("DUP"));
            await db.SaveChangesAsync();
            return 0;
        });
        var before = await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries");

        await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(NewUnit("OK-BUT-ROLLED-BACK"));
            db.Set<Unit>().Add(NewUnit("DUP")); // the unique code makes the whole save fail
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });

        Assert.Equal(before, await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM audit_entries"));
        Assert.Equal(before, await RawSql.ScalarAsync(database.Settings, "SELECT last_sequence FROM audit_head"));
        Assert.Equal(0, await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM units WHERE code = 'OK-BUT-ROLLED-BACK'"));
        Assert.True((await VerifyAsync(database)).Intact);
    }

    [Fact]
    public async Task AuditEntryThatCannotBeWritten_RollsTheChangeBack()
    {
        await using var database = await EmptyDatabaseAsync();
        // Someone slipped an entry in at the next number, so the product's own entry collides with it.
        await RawSql.ExecuteAsync(database.Settings,
            "INSERT INTO audit_entries (sequence, occurred_at, actor_name, action, entity_type, entity_id, previous_hash, hash) "
            + "VALUES (1, CURRENT_TIMESTAMP, 'intruder', 'created', 'units', '0', 'genesis', 'x')");

        await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(NewUnit("NEVER-SAVED"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });

        Assert.Equal(0, await RawSql.ScalarAsync(database.Settings, "SELECT COUNT(*) FROM units"));
        Assert.Equal(0, await RawSql.ScalarAsync(database.Settings, "SELECT last_sequence FROM audit_head"));
    }

    [Fact]
    public async Task DescriptionOfAFailedSave_DoesNotLabelTheNextOne()
    {
        await using var database = await EmptyDatabaseAsync();
        var action = await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(NewUnit("FIRST"));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            db.Set<Unit>().Add(NewUnit("FIRST"));
            db.DescribeNextSave("merged", "should vanish with the failed save");
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.Set<Unit>().Add(NewUnit("SECOND"));
            await db.SaveChangesAsync();
            return await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).Select(e => e.Action + "|" + e.Comment).FirstAsync();
        });

        Assert.Equal("created|", action);
    }

    [Fact]
    public async Task DeletedRecord_IsRecordedWithItsNumberAndFormerValues()
    {
        await using var database = await EmptyDatabaseAsync();
        var (id, entry) = await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var unit = NewUnit("TO-DELETE");
            db.Set<Unit>().Add(unit);
            await db.SaveChangesAsync();
            db.Set<Unit>().Remove(unit);
            await db.SaveChangesAsync();
            return (unit.Id, await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync());
        });

        Assert.Equal("deleted", entry.Action);
        Assert.Equal("units", entry.EntityType);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains("TO-DELETE", entry.BeforeJson, StringComparison.Ordinal);
        Assert.Null(entry.AfterJson);
        Assert.True((await VerifyAsync(database)).Intact);
    }

    [Fact]
    public async Task ChineseValues_AreWrittenReadably_AndTheChainStillVerifies()
    {
        await using var database = await EmptyDatabaseAsync();
        var after = await CoreServices.WithServicesAsync(database.Settings, async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            db.Set<Unit>().Add(new Unit { Code = "DL-EEB", NameZh = "大连市生态环境局", NameEn = "Ecology and Environment Bureau", Kind = UnitKind.Bureau });
            await db.SaveChangesAsync();
            return await db.Set<AuditEntry>().Select(e => e.AfterJson).SingleAsync();
        });

        Assert.Contains("大连市生态环境局", after, StringComparison.Ordinal);
        Assert.True((await VerifyAsync(database)).Intact);
    }

    private async Task<TestDatabase> EmptyDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        await new MigrationRunner(database.Settings).MigrateAsync();
        return database;
    }

    private static Task<AuditVerification> VerifyAsync(TestDatabase database) =>
        CoreServices.WithServicesAsync(database.Settings, sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    private static Unit NewUnit(string code) => new() { Code = code, NameZh = code, NameEn = code, Kind = UnitKind.Bureau };
}

public sealed class AuditWritingOnSqlite : AuditWritingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class AuditWritingOnPostgreSql : AuditWritingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
