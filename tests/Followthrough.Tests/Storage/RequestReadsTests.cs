using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Storage;

public abstract class RequestReadsTests(AppFixture app)
{
    [Fact]
    public async Task RequestReads_IsOneDataSourceForTheApp_OnTheConfiguredDatabase()
    {
        var first = app.Factory.Services.GetRequiredService<HandWrittenSql.RequestReads>();
        var fromScope = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<HandWrittenSql.RequestReads>()));

        Assert.Same(first, fromScope);
        Assert.Equal(Describe(app.Database.ConnectionString), Describe(first.ConnectionString));

        // A row only this test's database holds, read back through the direct path.
        var code = $"DS-{Guid.NewGuid():N}"[..12];
        var unitId = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var unit = new Unit { Code = code, NameZh = code, NameEn = code, Kind = UnitKind.Bureau };
            db.Set<Unit>().Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        Assert.Equal(code, await CodeAsync(first, unitId));
    }

    [Fact]
    public async Task ManyReadsAtOnce_EachGetsItsOwnAnswer()
    {
        var sql = app.Factory.Services.GetRequiredService<HandWrittenSql.RequestReads>();
        var units = await app.WithServicesAsync(sp =>
            sp.GetRequiredService<FollowthroughDb>().Set<Unit>().OrderBy(u => u.Id).Select(u => new { u.Id, u.Code }).Take(20).ToListAsync());

        // More at once than a pool has connections: answers must never be crossed between concurrent callers.
        var reads = Enumerable.Range(0, 400).Select(async i =>
        {
            var unit = units[i % units.Count];
            return (unit.Code, Read: await CodeAsync(sql, unit.Id));
        });

        foreach (var (expected, read) in await Task.WhenAll(reads))
        {
            Assert.Equal(expected, read);
        }
    }

    private static Task<string?> CodeAsync(HandWrittenSql.RequestReads sql, int unitId) =>
        sql.ReadAsync<string?>(
            "SELECT code FROM units WHERE id = @id",
            [("@id", unitId)],
            async (reader, token) => await reader.ReadAsync(token) ? reader.GetString(0) : null,
            CancellationToken.None);

    /// <summary>Where a connection string points (server, port, database or file), whatever options were added.</summary>
    private string Describe(string connectionString)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}

public sealed class RequestReadsOnSqlite(SqliteApp app) : RequestReadsTests(app), IClassFixture<SqliteApp>;

public sealed class RequestReadsOnPostgreSql(PostgreSqlApp app) : RequestReadsTests(app), IClassFixture<PostgreSqlApp>;
