using System.Data.Common;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Tests.Services;

/// <summary>A database with applications upgraded to migration 0026: the monthly figures start from what is there.</summary>
public sealed class ServiceFiguresMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_FillsTheFiguresFromTheApplicationsAlreadyFiled(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync(targetVersion: 25);
        var yes = provider == DatabaseProvider.Sqlite ? "1" : "TRUE";
        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"""
                INSERT INTO units (code, name_zh, name_en, kind, aliases, is_active, version, created_at, updated_at)
                VALUES ('DL-OLD', '旧单位', 'An old unit', 'Bureau', '', {yes}, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00');
                INSERT INTO people (name_zh, name_en, title, unit_id, role, is_active, version, created_at, updated_at)
                VALUES ('赵六', 'Zhao Liu', '', NULL, 'Citizen', {yes}, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00');
                INSERT INTO service_items (code, name_zh, name_en, unit_id, kind, statutory_days, committed_days, level, visits, created_at, updated_at)
                SELECT 'DL-OLD-1', '旧事项', 'An old item', id, 'PublicService', 20, 5, 'Online', 0, '2026-01-05 08:00:00', '2026-01-05 08:00:00' FROM units;
                """);
            // received 2026-10-31 23:30 in Beijing (15:30 UTC): an October application; decided in November, one on time
            foreach (var (channel, state, received, accepted, due, decided) in new[]
            {
                ("Online", "Approved", "2026-10-31 15:30:00", "'2026-11-02'", "'2026-11-09'", "'2026-11-06 02:00:00'"),
                ("Window", "Rejected", "2026-11-02 01:00:00", "'2026-11-02'", "'2026-11-09'", "'2026-11-12 02:00:00'"),
                ("Online", "Received", "2026-11-30 17:00:00", "NULL", "NULL", "NULL"),
            })
            {
                await ExecuteAsync(connection, $"""
                    INSERT INTO service_applications (item_id, item_version, item_code, item_name_zh, item_name_en, unit_id, applicant_id, channel,
                        state, received_at, committed_days, statutory_days, accepted_on, committed_due, decided_at, created_at, updated_at)
                    SELECT i.id, 1, i.code, i.name_zh, i.name_en, i.unit_id, p.id, '{channel}', '{state}', '{received}', 5, 20,
                        {accepted}, {due}, {decided}, '{received}', '{received}'
                    FROM service_items i, people p
                    """);
            }
        }

        var migrated = await CliRun.RunAsync(database.ConnectionString, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.All);

        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            const string Row = """
                SELECT month || ' ' || CAST(received AS TEXT) || ' ' || CAST(window_visits AS TEXT) || ' ' || CAST(decided AS TEXT) || ' '
                       || CAST(approved AS TEXT) || ' ' || CAST(on_time AS TEXT) || ' ' || CAST(committed_days AS TEXT)
                FROM service_figures ORDER BY month
                """;
            Assert.Equal(["2026-10 1 0 0 0 0 0", "2026-11 1 1 2 1 1 10", "2026-12 1 0 0 0 0 0"], await RowsAsync(connection, Row));
        }
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

    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
