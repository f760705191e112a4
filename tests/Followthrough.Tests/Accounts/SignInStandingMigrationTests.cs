using System.Data.Common;
using Followthrough.Storage;
using Followthrough.Storage.Migrations;
using Followthrough.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Tests.Accounts;

/// <summary>
/// An existing database upgraded to migration 0019 by <c>followthrough migrate</c>: its sign-ins get their person's
/// standing from the directory (the migration itself may not read Organization's table).
/// </summary>
public sealed class SignInStandingMigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_FillsTheStandingOfExistingSignIns(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(database.Settings).MigrateAsync(targetVersion: 18);
        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, """
                INSERT INTO units (code, name_zh, name_en, kind, aliases, is_active, version, created_at, updated_at)
                VALUES ('DL-OLD', '旧单位', 'An old unit', 'Bureau', '', TRUE, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00');
                INSERT INTO people (name_zh, name_en, title, unit_id, role, is_active, version, created_at, updated_at)
                SELECT '李四', 'Li Si', 'Clerk', id, 'UnitStaff', TRUE, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00' FROM units WHERE code = 'DL-OLD';
                INSERT INTO people (name_zh, name_en, title, unit_id, role, is_active, version, created_at, updated_at)
                VALUES ('王五', 'Wang Wu', 'Former inspector', NULL, 'Supervisor', FALSE, 1, '2026-01-05 08:00:00', '2026-01-05 08:00:00');
                INSERT INTO accounts (person_id, user_name, password_hash, security_stamp, created_at)
                SELECT id, CASE name_zh WHEN '李四' THEN 'lisi' ELSE 'wangwu' END, 'not-a-hash', 'stamp', '2026-01-05 08:00:00' FROM people;
                """);
        }

        var migrated = await CliRun.RunAsync(database.ConnectionString, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.All);

        await using (var connection = Open(database.Settings))
        {
            await connection.OpenAsync();
            const string Standing = """
                SELECT person_name_zh || '|' || person_role || '|' || COALESCE(CAST(person_unit_id AS TEXT), '-') || '|'
                       || CASE WHEN person_is_active THEN 'active' ELSE 'inactive' END
                FROM accounts WHERE user_name = @name
                """;
            var unit = await ScalarAsync(connection, "SELECT CAST(id AS TEXT) FROM units WHERE code = 'DL-OLD'");
            Assert.Equal($"李四|UnitStaff|{unit}|active", await ScalarAsync(connection, Standing, "lisi"));
            Assert.Equal("王五|Supervisor|-|inactive", await ScalarAsync(connection, Standing, "wangwu"));
        }
    }

    private static DbConnection Open(DatabaseSettings settings) => settings.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(settings.ConnectionString)
        : new NpgsqlConnection(settings.ConnectionString);

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql, string? name = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
