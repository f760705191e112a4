using System.Data.Common;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Tests.Storage;

public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Fact]
    public void BothProviders_HaveTheSameMigrationVersionsAndNames()
    {
        var sqlite = MigrationRunner.For(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name));
        var postgres = MigrationRunner.For(DatabaseProvider.PostgreSql).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgres);
        // Versions are taken by modules as they are planned, so a branch may lack another module's number for a while;
        // what matters is that they are unique and start at 1.
        var versions = MigrationRunner.For(DatabaseProvider.Sqlite).Select(m => m.Version).ToList();
        Assert.Equal(1, versions[0]);
        Assert.Equal(versions.Distinct().Order(), versions);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrade_FromTheFirstMigrationWithData_KeepsTheData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var runner = new MigrationRunner(database.Settings);
        await runner.MigrateAsync(targetVersion: 1);
        Assert.Equal(1, await runner.CurrentVersionAsync());

        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                INSERT INTO units (code, name_zh, name_en, kind, aliases, is_active, version, created_at, updated_at)
                VALUES ('DL-OLD', '旧单位', 'An old unit', 'Bureau', '老单位', TRUE, 3, '2021-04-21 08:00:00+00', '2021-04-21 08:00:00+00');
                INSERT INTO people (name_zh, name_en, title, unit_id, role, is_active, version, created_at, updated_at)
                SELECT '张三', 'Zhang San', 'Clerk', id, 'UnitStaff', TRUE, 1, '2021-04-21 08:00:00+00', '2021-04-21 08:00:00+00' FROM units WHERE code = 'DL-OLD';
                """);
        }

        var applied = await runner.MigrateAsync();
        Assert.Equal(MigrationRunner.For(provider).Count - 1, applied.Count);
        Assert.Equal(MigrationRunner.For(provider).Max(m => m.Version), await runner.CurrentVersionAsync());
        Assert.Empty(await runner.MigrateAsync()); // a second run applies nothing

        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            Assert.Equal("An old unit|老单位|3", await ScalarAsync(connection, "SELECT name_en || '|' || aliases || '|' || CAST(version AS TEXT) FROM units WHERE code = 'DL-OLD'"));
            Assert.Equal("Zhang San", await ScalarAsync(connection, "SELECT p.name_en FROM people p JOIN units u ON u.id = p.unit_id WHERE u.code = 'DL-OLD'"));
        }
    }

    [Fact]
    public async Task BothProviders_EndWithTheSameTablesAndColumns()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var postgres = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await new MigrationRunner(sqlite.Settings).MigrateAsync();
        await new MigrationRunner(postgres.Settings).MigrateAsync();

        // Ordinary tables only: a search index is an FTS5 virtual table with its shadow tables on SQLite and an index
        // on PostgreSQL (Services' catalogue search), neither of which is a table of the model.
        var sqliteColumns = await ColumnsAsync(sqlite.Settings,
            "SELECT m.name || '.' || p.name FROM pragma_table_list m JOIN pragma_table_info(m.name) p " +
            "WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
        var postgresColumns = await ColumnsAsync(postgres.Settings,
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'");
        Assert.Equal(sqliteColumns, postgresColumns);
    }

    private static async Task<List<string>> ColumnsAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = Open(settings);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }

    private static DbConnection Open(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(settings.ConnectionString)
        : new NpgsqlConnection(settings.ConnectionString);

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
