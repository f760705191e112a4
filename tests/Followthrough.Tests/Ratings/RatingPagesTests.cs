using System.Net;
using Followthrough.Ratings;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Services;
using static Followthrough.Tests.Ratings.RatedMonthSamples;

namespace Followthrough.Tests.Ratings;

/// <summary>The appeal, appeals queue, figures and public pages, as their users post them.</summary>
public sealed class RatingPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheUnitAppealsOnItsPage_TheOfficeUpholdsOnTheQueue_AndBothPagesSaySo()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var ratingId = await RateAsync(app, cast, RatingGrade.VeryDissatisfied, DateTime.UtcNow);
        var staff = await SignedInBrowserClient.SignInAsync(app, TestUserOf(cast.Staff), AppFixture.Password);
        var page = $"/ratings/{ratingId}/appeal";
        Assert.Contains("Send the appeal", await staff.GetPageAsync(page), StringComparison.Ordinal);

        var empty = await staff.PostFormAsync(page, [new("Reason", ""), new("Evidence", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refused = await empty.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reason-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"evidence-error\"", refused, StringComparison.Ordinal);

        var sent = await staff.PostFormAsync(page, [new("Reason", "The applicant rated the wrong office."), new("Evidence", "Hotline record 88.")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Waiting for the supervision office.", await staff.GetPageAsync(page), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/ratings/appeals")).StatusCode);

        var office = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor);
        var queue = await office.GetPageAsync("/ratings/appeals");
        Assert.Contains("The applicant rated the wrong office.", queue, StringComparison.Ordinal);
        var appealId = System.Text.RegularExpressions.Regex.Match(queue, "name=\"AppealId\" value=\"(\\d+)\"").Groups[1].Value;
        var version = System.Text.RegularExpressions.Regex.Match(queue, "name=\"AppealVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var noChoice = await office.PostFormAsync("/ratings/appeals", [new("AppealId", appealId), new("AppealVersion", version), new("Reason", "")]);
        Assert.Contains("Choose whether the appeal is upheld or rejected.", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decided = await office.PostFormAsync("/ratings/appeals",
            [new("AppealId", appealId), new("AppealVersion", version), new("Decision", "upheld"), new("Reason", "The record shows it.")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Contains("Upheld: the rating no longer counts in the figures.", await staff.GetPageAsync(page), StringComparison.Ordinal);

        var other = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task TheFiguresPage_IsForStaff_InBothLanguages_AndTheOfficePublishesAMonthThatIsOver()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await RateAsync(app, cast, RatingGrade.Satisfied, new DateTime(2022, 7, 5, 2, 0, 0, DateTimeKind.Utc));
        var office = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor);
        var figures = await office.GetPageAsync("/ratings/figures?month=2022-07");
        Assert.Contains("Satisfaction rate", figures, StringComparison.Ordinal);
        Assert.Contains("Publish 2022-07", figures, StringComparison.Ordinal);
        Assert.Contains("data-month=\"2022-07\"", figures, StringComparison.Ordinal);

        var published = await office.PostFormAsync("/ratings/figures?month=2022-07", [new("month", "2022-07")], "/ratings/figures?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("2022-07 was published on", await office.GetPageAsync("/ratings/figures?month=2022-07"), StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.CreateAsync(app, Role.Leader, acceptLanguage: "zh-CN");
        Assert.Contains("满意率", await chinese.GetPageAsync("/ratings/figures?month=2022-07"), StringComparison.Ordinal);
        var citizen = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/ratings/figures")).StatusCode);

        var anyone = SignedInBrowserClient.Anonymous(app);
        var open = await anyone.GetPageAsync("/public/ratings?month=2022-07");
        Assert.Contains(cast.Item.Code, open, StringComparison.Ordinal);
        Assert.Contains("2031-01 has not been published.", await anyone.GetPageAsync("/public/ratings?month=2031-01"), StringComparison.Ordinal);
    }

    private static TestUser TestUserOf(CurrentUser user) => new(user.PersonId!.Value, user.Name, user.Role!.Value, user.UnitId);
}
