using System.Net;
using Followthrough.Services.Applications;
using Followthrough.Services.Duties;
using Followthrough.Services.Materials;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// The apply page asks for each material the item requires: upload it there, give one of the applicant's earlier files
/// again, or leave it to the electronic licence where the item allows; a refused file is an error on its material and
/// nothing is filed; at the window the unit's staff upload for the applicant.
/// </summary>
public abstract class ApplyMaterialsPagesTests(AppFixture app)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task AnEarlierFileIsOffered_ABadUploadIsRefusedOnItsMaterial_ThenTheApplicationIsFiledWithBoth()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var citizen = await SignedInBrowserClient.CreateAsync(app, Role.Citizen);
        var me = new CurrentUser(citizen.User!.PersonId, citizen.User.UserName, Role.Citizen, null);
        var earlier = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ApplicantMaterials>().UploadAsync(me, null, "申请书-2026.pdf", Pdf)).Value!);
        var apply = $"/services/items/{cast.Item.Id}/apply";

        var form = await citizen.GetPageAsync(apply);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{earlier.Id}\">申请书-2026.pdf", form, StringComparison.Ordinal);
        Assert.Contains("name=\"upload-1\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"ByLicence[1]\"", form, StringComparison.Ordinal);   // the business licence may be left to the e-licence
        Assert.DoesNotContain("name=\"ByLicence[0]\"", form, StringComparison.Ordinal);

        var answers = F("ApplicantName", "大连海湾餐饮有限公司");
        var misnamed = await citizen.PostMultipartAsync(apply, [answers, F("FileIds[0]", $"{earlier.Id}")], [("upload-1", "licence.png", Pdf)]);
        Assert.Equal(HttpStatusCode.OK, misnamed.StatusCode);
        var refused = await misnamed.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#material-1\"", refused, StringComparison.Ordinal);
        Assert.Contains("the name does not match what is inside", refused, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{earlier.Id}\" selected=\"selected\">", refused, StringComparison.Ordinal); // the choice survives
        var none = await citizen.PostMultipartAsync(apply, [answers, F("FileIds[0]", $"{earlier.Id}")], []);
        Assert.Contains("This material is required", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceApplications>().MineAsync(me)));

        var filed = await citizen.PostMultipartAsync(apply, [answers, F("FileIds[0]", $"{earlier.Id}")], [("upload-1", "营业执照.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var id = int.Parse(filed.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var given = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ApplicantMaterials>().OfApplicationAsync(me, id)).Value!);
        Assert.Equal(earlier.Id, given[0].File!.Id);
        Assert.Equal("营业执照.pdf", given[1].File!.Name);
        Assert.Contains(await app.WithServicesAsync(sp => sp.GetRequiredService<ApplicantMaterials>().MineAsync(me)), f => f.Name == "营业执照.pdf"); // kept for next time

        var chinese = await SignedInBrowserClient.SignInAsync(app, citizen.User, AppFixture.Password, "zh-CN");
        var zh = await chinese.GetPageAsync(apply);
        Assert.Contains("从我的文件中选择", zh, StringComparison.Ordinal);
        Assert.Contains("以电子证照代替", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheWindow_TheOfficerUploadsForTheApplicant_AndAMissingMaterialIsNamed()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var officer = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, ApplicationCast.UnitCode);
        await ApplicationCast.GiveDutyAsync(app, officer.User!, ServiceDuty.WindowOfficer);
        var apply = $"/services/items/{cast.Item.Id}/apply";
        var form = await officer.GetPageAsync(apply);
        Assert.Contains("name=\"ApplicantId\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("One of my files", form, StringComparison.Ordinal);

        var applicant = F("ApplicantId", $"{cast.Applicant.PersonId}");
        var answers = F("ApplicantName", "大连海湾餐饮有限公司");
        var missing = await officer.PostMultipartAsync(apply, [applicant, answers], [("upload-0", "申请书.pdf", Pdf)]);
        var page = await missing.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#material-1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#material-0\"", page, StringComparison.Ordinal);
        Assert.Contains("Uploaded: 申请书.pdf", page, StringComparison.Ordinal); // kept, not asked again

        var kept = System.Text.RegularExpressions.Regex.Match(page, "name=\"FileIds\\[0\\]\" value=\"(\\d+)\"").Groups[1].Value;
        var filed = await officer.PostMultipartAsync(apply, [applicant, answers, F("FileIds[0]", kept), F("ByLicence[1]", "true")], []);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var mine = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceApplications>().MineAsync(cast.Applicant));
        Assert.Contains(mine, a => a.ItemCode == cast.Item.Code);
    }
}

public sealed class ApplyMaterialsPagesOnSqlite(SqliteApp app) : ApplyMaterialsPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ApplyMaterialsPagesOnPostgreSql(PostgreSqlApp app) : ApplyMaterialsPagesTests(app), IClassFixture<PostgreSqlApp>;
