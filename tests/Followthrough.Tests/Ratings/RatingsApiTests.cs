using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Ratings;
using Followthrough.Services.Applications;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Ratings;

/// <summary>/api/v1/ratings answers with ProblemDetails: 400 naming the field, 404 for someone else's, 409 twice or out of order.</summary>
public abstract class RatingsApiTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TheApplicant_RatesOverTheApi_AndTheUnitWorksTheCase_WithProblemDetailsForEveryRefusal()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var decided = await app.WithServicesAsync(sp => cast.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Approved));
        var citizen = await app.ApiClientAsync(Test(cast.Applicant));
        var stranger = await app.ApiClientAsync(Test(cast.OtherCitizen));
        var staff = await app.ApiClientAsync(Test(cast.Staff));
        var path = $"/api/v1/ratings/applications/{decided.Id}";

        var bad = await citizen.PostAsJsonAsync(path, new { grade = "Superb", reasons = new[] { "nope" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("grade", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("reasons", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(path, new { grade = "Satisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(path)).StatusCode); // not rated yet

        var rated = await citizen.PostAsJsonAsync(path, new { grade = "Dissatisfied", reasons = new[] { "slow" }, comment = "Too slow." });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var entry = (await rated.Content.ReadFromJsonAsync<RatingEntry>(Json))!;
        Assert.Equal(RectificationState.Opened, entry.Rectification!.State);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync(path, new { grade = "Satisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode);

        var cases = $"/api/v1/ratings/{entry.Id}";
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync(cases + "/rectify", new { note = "n", reply = "r" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync(cases + "/verify", new { note = "n" })).StatusCode);
        var verified = await staff.PostAsJsonAsync(cases + "/verify", new { note = "Looked into the log.", version = 1 });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("\"2\"", verified.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync(cases + "/verify", new { note = "again", version = 1 })).StatusCode); // stale

        var queue = await staff.GetFromJsonAsync<List<RectificationRow>>("/api/v1/ratings/rectifications", Json);
        Assert.Equal(entry.Id, queue![0].RatingId);
    }

    private static TestUser Test(CurrentUser user) => new(user.PersonId!.Value, user.Name, user.Role!.Value, user.UnitId);
}

public sealed class RatingsApiOnSqlite(SqliteApp app) : RatingsApiTests(app), IClassFixture<SqliteApp>;

public sealed class RatingsApiOnPostgreSql(PostgreSqlApp app) : RatingsApiTests(app), IClassFixture<PostgreSqlApp>;
