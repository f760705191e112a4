using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>/api/v1/services/applications on both databases: filing, steps with versions, problem details for refusals.</summary>
public abstract class ApplicationsApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ACitizenFiles_TheUnitAcceptsAndDecides_ASecondDecisionIs409_OthersSee404()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        var item = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(unit))).Value!);
        var citizen = await app.ApiClientAsync(Role.Citizen);
        var staffUser = await app.CreateUserAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        var approverUser = await app.CreateUserAsync(Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, staffUser, ServiceDuty.WindowOfficer);
        await ApplicationCast.GiveDutyAsync(app, approverUser, ServiceDuty.Approver);
        var staff = await app.ApiClientAsync(staffUser);
        var approver = await app.ApiClientAsync(approverUser);
        var stranger = await app.ApiClientAsync(Role.Enterprise);

        var filed = await citizen.PostAsJsonAsync("/api/v1/services/applications", new { itemId = item.Id, answers = new { companyName = "大连海湾餐饮有限公司" } });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var application = (await filed.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Json))!;
        Assert.Equal((ApplicationState.Received, item.Version), (application.State, application.ItemVersion));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/services/applications/{application.Id}")).StatusCode);
        Assert.Contains((await citizen.GetFromJsonAsync<List<ApplicationQueueRow>>("/api/v1/services/applications/mine", Json))!, r => r.Id == application.Id);

        var noVersion = await staff.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/accept", new { });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        var byApplicant = await citizen.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/accept", new { version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, byApplicant.StatusCode);
        var accepted = await staff.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/accept", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("\"2\"", accepted.Headers.ETag?.Tag);
        Assert.NotNull((await accepted.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Json))!.CommittedDue);

        var byWindow = await staff.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/approve", new { version = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, byWindow.StatusCode);
        Assert.Contains("approver", (await byWindow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noReason = await approver.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/reject", new { version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var approved = await approver.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/approve", new { version = 2, reason = "All conditions met." });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var second = await approver.PostAsJsonAsync($"/api/v1/services/applications/{application.Id}/reject", new { version = 3, reason = "Changed my mind." });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        var queue = await staff.GetFromJsonAsync<List<ApplicationQueueRow>>($"/api/v1/services/applications/queue/{unit}?state=Approved", Json);
        Assert.Contains(queue!, r => r.Id == application.Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync($"/api/v1/services/applications/queue/{unit}?state=Lost")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/services/applications/queue/{unit}")).StatusCode);
    }

    [Fact]
    public async Task ApplyingForAWithdrawnItem_IsAFieldError()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        var item = await app.WithServicesAsync(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var created = (await catalogue.CreateAsync(CatalogueSamples.Item(unit))).Value!;
            return (await catalogue.WithdrawAsync(created.Id, "Merged into another item", 1)).Value!;
        });
        var enterprise = await app.ApiClientAsync(Role.Enterprise);
        var refused = await enterprise.PostAsJsonAsync("/api/v1/services/applications", new { itemId = item.Id });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApplicationRules.ItemWithdrawn, problem.GetProperty("errors").GetProperty("itemId")[0].GetString());
    }
}

public sealed class ApplicationsApiOnSqlite(SqliteApp app) : ApplicationsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationsApiOnPostgreSql(PostgreSqlApp app) : ApplicationsApiTests(app), IClassFixture<PostgreSqlApp>;
