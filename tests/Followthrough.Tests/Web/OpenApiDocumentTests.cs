using System.Text.Json;
using System.Text.Json.Nodes;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Web;

/// <summary>
/// The OpenAPI document is part of the public contract and is checked in at docs/openapi.v1.json. This test fails
/// when the served document drifts from it; after an intended API change, refresh the file with
/// <c>FOLLOWTHROUGH_UPDATE_OPENAPI=1 ./test.sh --filter OpenApiDocument</c> and review the diff.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task ServedDocument_MatchesTheCheckedInContract()
    {
        var served = Normalize(await app.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var path = RepositoryFiles.PathOf("docs", "openapi.v1.json");
        if (Environment.GetEnvironmentVariable("FOLLOWTHROUGH_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), $"{path} is missing; create it with FOLLOWTHROUGH_UPDATE_OPENAPI=1.");
        Assert.Equal(Normalize(await File.ReadAllTextAsync(path)), served);
    }

    [Fact]
    public async Task EveryOperation_HasANameASummaryAndATag()
    {
        var document = JsonNode.Parse(await app.AnonymousClient().GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Route: $"{op.Key.ToUpperInvariant()} {path.Key}", Op: op.Value!)))
            .ToList();
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Op["operationId"]), $"{o.Route} has no operationId (WithName)");
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Op["summary"]), $"{o.Route} has no summary (WithSummary)");
            Assert.NotEmpty(o.Op["tags"]?.AsArray() ?? []);
        });
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";
}
