using System.Net;
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
}

public sealed class BundleApplyPagesOnSqlite(SqliteApp app) : BundleApplyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class BundleApplyPagesOnPostgreSql(PostgreSqlApp app) : BundleApplyPagesTests(app), IClassFixture<PostgreSqlApp>;
