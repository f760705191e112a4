using System.Net;
using System.Net.Http.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Bundles;
using Followthrough.Services.Materials;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// The bundle's apply page with real multipart posts, on both databases: each material (asked once) uploaded there,
/// given again from the applicant's files or left to the electronic licence; a refused file is an error on its
/// material and nothing is filed.
/// </summary>
public abstract class BundleApplyPagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task EachMaterialIsUploadedOrReusedOrLeftToTheLicence_ARefusedFileIsAnErrorOnItsMaterial_AndFilesNothing()
    {
        var cast = await BundleCast.CreateAsync(app);
        var me = await SignedInBrowserClient.SignInAsync(app, new TestUser(cast.Applicant.PersonId!.Value, cast.Applicant.Name, Role.Enterprise, null), AppFixture.Password);
        var apply = $"/services/bundles/{cast.Bundle.Id}/apply";
        var form = await me.GetPageAsync(apply);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        foreach (var i in new[] { 0, 1, 2 })
        {
            Assert.Contains($"name=\"upload-{i}\"", form, StringComparison.Ordinal);
            Assert.Contains($"name=\"FileIds[{i}]\"", form, StringComparison.Ordinal);
        }

        Assert.Contains("name=\"ByLicence[1]\"", form, StringComparison.Ordinal); // the business licence may be left to the e-licence
        Assert.DoesNotContain("name=\"ByLicence[2]\"", form, StringComparison.Ordinal);

        KeyValuePair<string, string>[] answers = [F("Answers[shopName]", "海湾小馆"), F("Answers[seats]", "40"), F("FileIds[0]", $"{cast.FileId}"), F("ByLicence[1]", "true")];
        var misnamed = await me.PostMultipartAsync(apply, answers, [("upload-2", "lease.png", BundleCast.Pdf)]);
        Assert.Equal(HttpStatusCode.OK, misnamed.StatusCode);
        var refused = await misnamed.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#material-2\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"material-2-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("the name does not match what is inside", refused, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{cast.FileId}\" selected=\"selected\">", refused, StringComparison.Ordinal); // the choices survive
        Assert.Contains("value=\"海湾小馆\"", refused, StringComparison.Ordinal);
        Assert.Empty(await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().MineAsync(cast.Applicant)));

        var filed = await me.PostMultipartAsync(apply, answers, [("upload-2", "租赁合同.pdf", BundleCast.Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var bundle = Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().MineAsync(cast.Applicant)));
        var food = bundle.Parts.Single(p => p.ItemNameEn == "Food business licence").ApplicationId;
        var given = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ApplicantMaterials>().OfApplicationAsync(cast.Applicant, food)).Value!);
        Assert.Equal(cast.FileId, given[0].File!.Id);
        Assert.True(given[1].ByLicence);
        Assert.Equal("租赁合同.pdf", given[2].File!.Name);

        var chinese = await SignedInBrowserClient.SignInAsync(app, me.User!, AppFixture.Password, "zh-CN");
        var zh = await chinese.GetPageAsync(apply);
        Assert.Contains("从我的文件中选择", zh, StringComparison.Ordinal);
        Assert.Contains("以电子证照代替", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWindowOfficer_RecordsABundleForAnApplicant_AllPartsOrNone_AndABadPartIsNamed()
    {
        var cast = await BundleCast.CreateAsync(app);
        var staff = cast.SecondStaff; // the development commission's window officer; the first part is the market regulator's
        var officer = await SignedInBrowserClient.SignInAsync(app, new TestUser(staff.PersonId!.Value, staff.Name, Role.UnitStaff, staff.UnitId), AppFixture.Password);
        Assert.Contains("Record at the window for an applicant", await officer.GetPageAsync($"/services/bundles/{cast.Bundle.Id}"), StringComparison.Ordinal);
        var apply = $"/services/bundles/{cast.Bundle.Id}/apply";
        var form = await officer.GetPageAsync(apply);
        Assert.Contains("name=\"ApplicantId\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("One of my files", form, StringComparison.Ordinal);

        KeyValuePair<string, string>[] answers = [F("ApplicantId", $"{cast.Applicant.PersonId}"), F("Answers[shopName]", "海湾小馆"), F("Answers[seats]", "40"), F("ByLicence[1]", "true")];
        var missing = await officer.PostMultipartAsync(apply, answers, [("upload-0", "申请书.pdf", BundleCast.Pdf)]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var page = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Food business licence: This material is required", page, StringComparison.Ordinal); // the bad part named
        Assert.Contains("href=\"#material-2\"", page, StringComparison.Ordinal);
        Assert.Contains("Uploaded: 申请书.pdf", page, StringComparison.Ordinal); // kept, not asked again
        Assert.Empty(await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().MineAsync(cast.Applicant))); // no part filed

        var kept = System.Text.RegularExpressions.Regex.Match(page, "name=\"FileIds\\[0\\]\" value=\"(\\d+)\"").Groups[1].Value;
        var filed = await officer.PostMultipartAsync(apply, [.. answers, F("FileIds[0]", kept)], [("upload-2", "租赁合同.pdf", BundleCast.Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var bundle = Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().MineAsync(cast.Applicant)));
        Assert.Equal(cast.Applicant.PersonId, bundle.ApplicantId);
        Assert.Equal(2, bundle.Parts.Count); // the other unit's part too, recorded at this window
        var part = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceApplications>().GetAsync(cast.Applicant, bundle.Parts[0].ApplicationId)).Value!);
        Assert.Equal(ApplicationChannel.Window, part.Channel);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(filed.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task WithoutTheWindowOfficersDuty_TheBundleIsNotRecorded_PageOrFacade()
    {
        var cast = await BundleCast.CreateAsync(app);
        var clerk = await ApplicationCast.UserAsync(app, Role.UnitStaff, BundleCast.SecondUnit); // staff of a part's unit, no window duty
        var browser = await SignedInBrowserClient.SignInAsync(app, new TestUser(clerk.PersonId!.Value, clerk.Name, Role.UnitStaff, clerk.UnitId), AppFixture.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/services/bundles/{cast.Bundle.Id}/apply")).StatusCode);
        Assert.DoesNotContain("Record at the window for an applicant", await browser.GetPageAsync($"/services/bundles/{cast.Bundle.Id}"), StringComparison.Ordinal);
        var input = cast.Complete() with { ApplicantId = cast.Applicant.PersonId };
        var refused = await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().FileAsync(clerk, input));
        Assert.Equal((OutcomeKind.Forbidden, BundleApplications.WindowOfficersOnly), (refused.Kind, refused.Reason));
        var approver = await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().FileAsync(cast.FirstApprover, input));
        Assert.Equal(OutcomeKind.Forbidden, approver.Kind);

        // through the API, the window officer names the applicant; an unknown applicant is an error, nothing filed
        var api = await app.ApiClientAsync(new TestUser(cast.FirstStaff.PersonId!.Value, cast.FirstStaff.Name, Role.UnitStaff, cast.FirstStaff.UnitId));
        var unknown = await api.PostAsJsonAsync("/api/v1/services/bundle-applications", new
        {
            bundleId = cast.Bundle.Id, applicantId = cast.FirstStaff.PersonId, answers = new { shopName = "海湾小馆", seats = "40" },
            materials = new object[] { new { position = 0, fileId = cast.FileId }, new { position = 1, byLicence = true }, new { position = 2, fileId = cast.FileId } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var filed = await api.PostAsJsonAsync("/api/v1/services/bundle-applications", new
        {
            bundleId = cast.Bundle.Id, applicantId = cast.Applicant.PersonId, answers = new { shopName = "海湾小馆", seats = "40" },
            materials = new object[] { new { position = 0, fileId = cast.FileId }, new { position = 1, byLicence = true }, new { position = 2, fileId = cast.FileId } },
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<BundleApplications>().MineAsync(cast.Applicant)));
    }
}

public sealed class BundleApplyPagesOnSqlite(SqliteApp app) : BundleApplyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class BundleApplyPagesOnPostgreSql(PostgreSqlApp app) : BundleApplyPagesTests(app), IClassFixture<PostgreSqlApp>;
