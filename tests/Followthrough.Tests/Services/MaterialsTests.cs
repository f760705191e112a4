using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Materials;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>Materials uploaded once and given again, on both databases: checked by content, per-material errors, who downloads.</summary>
public abstract class MaterialsTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    [Fact]
    public async Task AnUploadedFile_IsReusedForTwoApplications_TheUnitsStaffDownloadIt_OthersSee404()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var materials = sp.GetRequiredService<ApplicantMaterials>();
            var form = (await materials.UploadAsync(cast.Applicant, null, "申请书.pdf", Pdf)).Value!;
            Assert.Equal(("application/pdf", Pdf.LongLength), (form.ContentType, form.Size));
            Assert.Contains(await materials.MineAsync(cast.Applicant), f => f.Id == form.Id);
            Assert.DoesNotContain(await materials.MineAsync(cast.OtherCitizen), f => f.Id == form.Id);

            MaterialChoice[] choices = [new(0, form.Id, null), new(1, null, true)];
            var first = await materials.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, null), choices);
            var second = await materials.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, null), choices);
            Assert.True(first.IsDone && second.IsDone);
            var given = (await materials.OfApplicationAsync(cast.Staff, second.Value!.Id)).Value!;
            Assert.Equal([(0, form.Id, false), (1, 0, true)], given.Select(m => (m.Position, m.File?.Id ?? 0, m.ByLicence)));

            Assert.Equal(Pdf, (await materials.DownloadAsync(cast.Staff, form.Id)).Value.Content);
            Assert.Equal(Pdf, (await materials.DownloadAsync(cast.Applicant, form.Id)).Value.Content);
            foreach (var other in new[] { cast.OtherStaff, cast.OtherCitizen })
            {
                Assert.Equal(OutcomeKind.NotFound, (await materials.DownloadAsync(other, form.Id)).Kind);
                Assert.Equal(OutcomeKind.NotFound, (await materials.OfApplicationAsync(other, first.Value!.Id)).Kind);
            }

            return null;
        });
    }

    [Fact]
    public async Task MissingMaterial_AnotherApplicantsFile_OrALicenceWhereNoneMayStand_AreErrorsPerMaterial_AndNothingIsFiled()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var materials = sp.GetRequiredService<ApplicantMaterials>();
            var applications = sp.GetRequiredService<ServiceApplications>();
            var before = (await applications.MineAsync(cast.Applicant)).Count;
            var strangers = (await materials.UploadAsync(cast.OtherCitizen, null, "scan.pdf", Pdf)).Value!;

            var missing = await materials.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, null), [new(1, null, true)]);
            Assert.Equal([ApplicantMaterials.MaterialRequired], missing.Errors!.ToDictionary()["materials[0]"]);
            Assert.False(missing.Errors.ToDictionary().ContainsKey("materials[1]"));

            var wrong = await materials.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, null), [new(0, null, true), new(1, strangers.Id, null)]);
            Assert.Equal([ApplicantMaterials.NoLicence], wrong.Errors!.ToDictionary()["materials[0]"]);
            Assert.Equal([ApplicantMaterials.NotTheApplicantsFile], wrong.Errors.ToDictionary()["materials[1]"]);

            var unknown = await materials.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, null), [new(7, null, true)]);
            Assert.True(unknown.Errors!.ToDictionary().ContainsKey("materials"));
            Assert.Equal(before, (await applications.MineAsync(cast.Applicant)).Count);
            return null;
        });
    }

    [Theory]
    [InlineData("setup.pdf", "MZ", "none of them by its content")]
    [InlineData("photo.png", "%PDF-1.4", "the name does not match")]
    [InlineData("empty.pdf", "", "is empty")]
    public async Task ABadFile_IsRefusedWithAReason_AndNothingIsKept(string name, string content, string reason)
    {
        var cast = await ApplicationCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var materials = sp.GetRequiredService<ApplicantMaterials>();
            var refused = await materials.UploadAsync(cast.Applicant, null, name, System.Text.Encoding.ASCII.GetBytes(content));
            Assert.Contains(reason, refused.Errors!.ToDictionary()["file"][0], StringComparison.Ordinal);
            Assert.Empty(await materials.MineAsync(cast.Applicant));
            return null;
        });
    }

    [Fact]
    public async Task Api_UploadsByMultipart_RefusesATooBigFile_FilesWithMaterials()
    {
        var cast = await ApplicationCast.CreateAsync(app);
        var citizen = await app.ApiClientAsync(new TestUser(cast.Applicant.PersonId!.Value, cast.Applicant.Name, Role.Citizen, null));

        var tooBig = new byte[MaterialCheck.MaxBytes + 1];
        "%PDF-"u8.CopyTo(tooBig);
        var refused = await citizen.PostAsync("/api/v1/services/materials", Multipart("big.pdf", tooBig));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("larger than 10 MB", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var uploaded = await citizen.PostAsync("/api/v1/services/materials", Multipart("申请书.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = (await uploaded.Content.ReadFromJsonAsync<MaterialFileEntry>(Json))!;
        Assert.Contains((await citizen.GetFromJsonAsync<List<MaterialFileEntry>>("/api/v1/services/materials", Json))!, f => f.Id == file.Id);

        var missing = await citizen.PostAsJsonAsync("/api/v1/services/applications/with-materials", new { itemId = cast.Item.Id, materials = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("materials[0]", out _) && errors.TryGetProperty("materials[1]", out _));

        var filed = await citizen.PostAsJsonAsync("/api/v1/services/applications/with-materials",
            new { itemId = cast.Item.Id, materials = new object[] { new { position = 0, fileId = file.Id }, new { position = 1, byLicence = true } } });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.Content.ReadFromJsonAsync<ServiceApplicationEntry>(Json))!.Id;
        var given = await citizen.GetFromJsonAsync<List<ApplicationMaterialEntry>>($"/api/v1/services/applications/{id}/materials", Json);
        Assert.Equal(file.Id, given![0].File!.Id);
        var stranger = await app.ApiClientAsync(Role.Citizen);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/services/materials/{file.Id}")).StatusCode);
    }

    private static MultipartFormDataContent Multipart(string name, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { body, "file", name } };
    }
}

public sealed class MaterialsOnSqlite(SqliteApp app) : MaterialsTests(app), IClassFixture<SqliteApp>;

public sealed class MaterialsOnPostgreSql(PostgreSqlApp app) : MaterialsTests(app), IClassFixture<PostgreSqlApp>;
