using System.Net;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>The applicant's pages and the unit's queue, in both languages; others' applications are not found.</summary>
public abstract class ApplicationPagesTests(AppFixture app)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task ACitizenApplies_FollowsTheStatus_TheUnitAcceptsFromItsQueue()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        var item = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(unit, nameEn: "Food business licence"))).Value!);
        var citizen = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        Assert.Contains($"href=\"/services/items/{item.Id}/apply\"", await citizen.GetPageAsync($"/services/items/{item.Id}"), StringComparison.Ordinal);

        var filed = await citizen.PostMultipartAsync(
            $"/services/items/{item.Id}/apply", [F("ApplicantName", "大连海湾餐饮有限公司"), F("Phone", "0411-12345678"), F("ByLicence[1]", "true")], [("upload-0", "申请书.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var status = filed.Headers.Location!.OriginalString;
        Assert.StartsWith("/services/applications/", status, StringComparison.Ordinal);
        var page = await citizen.GetPageAsync(status);
        Assert.Contains("Received", page, StringComparison.Ordinal);
        Assert.Contains("The unit checks your materials", page, StringComparison.Ordinal);
        Assert.Contains("Withdraw the application", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{status}\"", await citizen.GetPageAsync("/services/applications"), StringComparison.Ordinal);

        var other = await SignedInBrowserClient.CreateAsync(app, Role.Enterprise);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(status)).StatusCode);

        var staff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, staff.User!, ServiceDuty.WindowOfficer);
        var queue = await staff.GetPageAsync("/services/applications");
        Assert.Contains($"href=\"{status}\"", queue, StringComparison.Ordinal);
        var noBasis = await staff.PostFormAsync(status, [F("step", "Refused"), F("version", "1"), F("Reason", "Outside our competence")]);
        Assert.Equal(HttpStatusCode.OK, noBasis.StatusCode);
        Assert.Contains("Give the legal basis of the refusal", await noBasis.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await staff.PostFormAsync(status, [F("step", "Accepted"), F("version", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var chinese = await SignedInBrowserClient.SignInAsync(app, citizen.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync(status);
        Assert.Contains("已受理", zh, StringComparison.Ordinal);
        Assert.Contains("承诺办结日期", zh, StringComparison.Ordinal);
        Assert.Contains("剩余 5 个工作日", zh, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/services/applications?unitId={unit}")).StatusCode);
    }

    [Fact]
    public async Task TheClockForms_AreOfferedToTheDutyThatMayUseThem_AndAPauseShowsOnTheApplication()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var applicant = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        var officer = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        var clerk = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, officer.User!, ServiceDuty.WindowOfficer);
        var mine = cast with { Applicant = new CurrentUser(applicant.User!.PersonId, applicant.User.UserName, Role.Citizen, null) };
        var accepted = await app.WithServicesAsync(sp => mine.InStateAsync(sp.GetRequiredService<ServiceApplications>(), ApplicationState.Accepted));
        var status = $"/services/applications/{accepted.Id}";

        Assert.Contains("Next: the unit&#x27;s approver decides, by", await applicant.GetPageAsync(status), StringComparison.Ordinal);
        Assert.DoesNotContain("Record a pause", await applicant.GetPageAsync(status), StringComparison.Ordinal);
        Assert.DoesNotContain("Record a pause", await clerk.GetPageAsync(status), StringComparison.Ordinal);
        var page = await officer.GetPageAsync(status);
        Assert.Contains("Record a pause", page, StringComparison.Ordinal);
        Assert.Contains("Ask for an extension", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve the extension", page, StringComparison.Ordinal);

        var from = accepted.AcceptedOn!.Value.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = accepted.AcceptedOn!.Value.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byClerk = await clerk.PostFormAsync(status, [F("version", "2"), F("PauseKind", "Testing"), F("PauseFrom", from), F("PauseTo", to), F("PauseReason", "Water testing")], status + "?handler=Pause");
        Assert.Contains("Only a window officer or the approver", await byClerk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bad = await officer.PostFormAsync(status, [F("version", "2"), F("PauseKind", "Testing"), F("PauseFrom", to), F("PauseTo", from), F("PauseReason", "Water testing")], status + "?handler=Pause");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Give the first and last day of the pause", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var paused = await officer.PostFormAsync(status, [F("version", "2"), F("PauseKind", "Testing"), F("PauseFrom", from), F("PauseTo", to), F("PauseReason", "Water testing")], status + "?handler=Pause");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        var after = await applicant.GetPageAsync(status);
        Assert.Contains("Testing, inspection or quarantine", after, StringComparison.Ordinal);
        Assert.Contains("Water testing", after, StringComparison.Ordinal);
    }
}

public sealed class ApplicationPagesOnSqlite(SqliteApp app) : ApplicationPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicationPagesOnPostgreSql(PostgreSqlApp app) : ApplicationPagesTests(app), IClassFixture<PostgreSqlApp>;
