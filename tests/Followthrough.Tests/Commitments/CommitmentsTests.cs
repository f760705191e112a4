using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Commitments;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Commitments;

public sealed class CommitmentStandingTests
{
    [Theory]
    [InlineData(StandingKind.ClosedOnTime, CommitmentStanding.Kept)]
    [InlineData(StandingKind.ClosedLate, CommitmentStanding.KeptLate)]
    [InlineData(StandingKind.Overdue, CommitmentStanding.Overdue)]
    [InlineData(StandingKind.DueSoon, CommitmentStanding.OnTime)]
    [InlineData(StandingKind.ReportOverdue, CommitmentStanding.OnTime)]
    [InlineData(StandingKind.AwaitingVerification, CommitmentStanding.AwaitingVerification)]
    [InlineData(StandingKind.NotAssigned, CommitmentStanding.NotStarted)]
    [InlineData(StandingKind.Cancelled, CommitmentStanding.Withdrawn)]
    public void From_TaskStanding_NamesItTheWayCommitmentsAreSpokenOf(StandingKind kind, CommitmentStanding expected) =>
        Assert.Equal(expected, CommitmentStandings.From(new TaskStanding(kind, null, null, null, null, false, false, false)));
}

/// <summary>Leaders' commitments through the API and the page, over the demo, on both databases.</summary>
public abstract class CommitmentsTests(AppFixture app)
{
    [Fact]
    public async Task Demo_Commitments_AreListed_KeptOverdueAndOnTime()
    {
        var leader = await app.ApiClientAsync(Role.Leader);
        var page = (await leader.GetFromJsonAsync<JsonObject>("/api/v1/commitments"))!;
        var items = page["items"]!.AsArray();
        Assert.True((int)page["total"]! >= 3);
        var standings = items.Select(i => (string?)i!["standing"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Kept", "Overdue", "OnTime" }, standings);
        Assert.All(items, i => Assert.NotNull((string?)i!["occasion"]));
        Assert.Contains(items, i => (string?)i!["leader"]!["nameZh"] == "李建华");

        // Unit staff see only the commitments their unit delivers, like any task.
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-IIT");
        var theirs = (await staff.GetFromJsonAsync<JsonObject>("/api/v1/commitments"))!["items"]!.AsArray();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, i => Assert.Equal("DL-IIT", (string?)i!["leadUnit"]!["code"]));
    }

    [Fact]
    public async Task NewCommitment_IsATaskWithOriginLeaderCommitment_AndShowsOnThePage()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var title = "Commitment " + Guid.NewGuid().ToString("N")[..6];
        var created = await supervisor.PostAsJsonAsync("/api/v1/tasks", new
        {
            title,
            leadUnitId = await app.UnitIdAsync("DL-HRS"),
            originKind = "LeaderCommitment",
            originReference = "Livelihood hotline broadcast",
            deadline = "2030-06-30",
            reportingCadence = "Quarterly",
            supervisionLevel = "Key",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = (await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/commitments?pageSize=100"))!;
        var mine = list["items"]!.AsArray().Single(i => (string?)i!["title"] == title)!;
        Assert.Equal("NotStarted", (string?)mine["standing"]);
        Assert.Equal("2030-06-30", (string?)mine["promisedBy"]);

        var browser = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP", "zh-CN");
        var html = await browser.GetPageAsync("/commitments");
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("领导承诺事项", html, StringComparison.Ordinal);
        Assert.Contains("已践诺", html, StringComparison.Ordinal);
    }
}

public sealed class SqliteCommitmentsTests(SqliteApp app) : CommitmentsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgreSqlCommitmentsTests(PostgreSqlApp app) : CommitmentsTests(app), IClassFixture<PostgreSqlApp>;
