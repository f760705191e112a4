using System.Text.Json;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Needs;

/// <summary><c>followthrough needs list</c> on both databases, over the demo's needs.</summary>
public sealed class NeedsCliTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NeedsList_ByUnit_Overdue_AndAsJson(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(database.ConnectionString, [.. args, "--data-folder", database.Folder]);
        Assert.Equal(0, (await Run("demo", "load")).ExitCode);
        var drc = await CoreServices.WithServicesAsync(database.Settings, async sp =>
            (await sp.GetRequiredService<Followthrough.Organization.OrganizationDirectory>().UnitByCodeAsync("DL-DRC"))!.Id);

        var all = await Run("needs", "list");
        Assert.True(all.ExitCode == 0, all.All);
        Assert.Matches(@"\d+ need\(s\)\.", all.Output);
        Assert.Contains("Dispatched", all.Output, StringComparison.Ordinal);

        var json = await Run("needs", "list", "--unit", "DL-DRC", "--json");
        Assert.True(json.ExitCode == 0, json.All);
        var rows = JsonSerializer.Deserialize<List<JsonElement>>(json.Output, Json)!;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.GetProperty("holderUnitId").GetInt32() == drc || r.GetProperty("state").GetString() == "Dispatched"));

        var overdue = await Run("needs", "list", "--overdue", "--json");
        Assert.True(overdue.ExitCode == 0, overdue.All);
        var late = JsonSerializer.Deserialize<List<JsonElement>>(overdue.Output, Json)!;
        Assert.NotEmpty(late); // the demo has an overdue need
        Assert.All(late, r => Assert.True(r.GetProperty("workingDaysLeft").GetInt32() < 0));

        var unknown = await Run("needs", "list", "--unit", "NOPE");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no unit with the code", unknown.Error, StringComparison.Ordinal);
    }
}
