using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Tasks.TaskTestClient;

namespace Followthrough.Tests.Tasks;

/// <summary>Evidence files: checked by content, stored outside the database with a checksum, shown only to those who may see the task.</summary>
public abstract class EvidenceApiTests(AppFixture app)
{
    private string EvidenceFolder => Path.Combine(app.Database.Folder, "evidence");

    private int FilesOnDisk => Directory.Exists(EvidenceFolder) ? Directory.EnumerateFiles(EvidenceFolder, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task AcceptedFile_IsStoredUnderTheDataFolder_WithItsChecksum_AndDownloadsIntact()
    {
        var (task, supervisor, staff) = await SignedForAsync(app, "DL-EEB", "DL-DRC");
        var id = (int)task["id"]!;
        var content = (byte[])[.. Pdf, .. Guid.NewGuid().ToByteArray()];
        var response = await ReportAsync(staff, id, (int)task["version"]!, 20, "Survey of the sites", files: ("调查报告.pdf", content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidence = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["evidence"]![0]!;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, (string?)evidence["sha256"]);
        Assert.Equal("application/pdf", (string?)evidence["contentType"]);
        Assert.True(File.Exists(Path.Combine(EvidenceFolder, sha[..2], sha)));

        // The lead unit, the office and a co-operating unit may download it; another unit may not.
        var partner = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        var stranger = await app.ApiClientAsync(Role.UnitStaff, "DL-FIN");
        var url = (string)evidence["downloadUrl"]!;
        foreach (var client in new[] { staff, supervisor, partner })
        {
            var download = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/tasks/evidence/999999999")).StatusCode);

        // The evidence lives on disk, not in the database: the row holds the name, size and checksum only.
        var row = await app.WithServicesAsync(sp => sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>()
            .Set<EvidenceFile>().SingleAsync(f => f.Id == (long)evidence["id"]!));
        Assert.Equal(content.Length, row.SizeBytes);
        Assert.Equal("调查报告.pdf", row.FileName);
    }

    [Fact]
    public async Task TooLargeFile_Answers400_AndNothingIsStored()
    {
        var (task, _, staff) = await SignedForAsync(app, "DL-STB");
        var id = (int)task["id"]!;
        var files = FilesOnDisk;
        var huge = new byte[EvidenceCheck.MaxBytes + 1];
        "%PDF-"u8.CopyTo(huge);
        var response = await ReportAsync(staff, id, (int)task["version"]!, 10, "Attached the full archive", files: ("archive.pdf", huge));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than 10 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(staff, id, files);
    }

    [Fact]
    public async Task ContentNotMatchingTheName_Answers400_NamingTheFile_AndNothingIsStored()
    {
        var (task, _, staff) = await SignedForAsync(app, "DL-MSA");
        var id = (int)task["id"]!;
        var files = FilesOnDisk;
        var response = await ReportAsync(staff, id, (int)task["version"]!, 10, "Photos attached",
            files: [("good.pdf", Pdf), ("photo.png", Pdf)]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var message = (string)problem["errors"]!["files"]![0]!;
        Assert.Contains("photo.png", message, StringComparison.Ordinal);
        Assert.Contains("does not match", message, StringComparison.Ordinal);
        await AssertNothingStoredAsync(staff, id, files); // not even the good file
    }

    [Fact]
    public async Task ReportThatLosesARace_LeavesNoFileBehind()
    {
        var (task, _, staff) = await SignedForAsync(app, "DL-HRS");
        var id = (int)task["id"]!;
        Assert.Equal(HttpStatusCode.Created, (await ReportAsync(staff, id, (int)task["version"]!, 10, "First")).StatusCode);
        var files = FilesOnDisk;
        var unique = (byte[])[.. Pdf, .. Guid.NewGuid().ToByteArray()];
        var stale = await ReportAsync(staff, id, (int)task["version"]!, 20, "Second, on an old version", files: ("late.pdf", unique));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(files, FilesOnDisk);
    }

    private async Task AssertNothingStoredAsync(HttpClient client, int id, int filesBefore)
    {
        Assert.Equal(filesBefore, FilesOnDisk);
        var reports = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{id}/reports"))!;
        Assert.Equal(0, (int)reports["total"]!);
        Assert.Equal("SignedFor", (string?)(await GetAsync(client, id))["state"]);
    }
}

public sealed class EvidenceApiOnSqlite(SqliteApp app) : EvidenceApiTests(app), IClassFixture<SqliteApp>;

public sealed class EvidenceApiOnPostgreSql(PostgreSqlApp app) : EvidenceApiTests(app), IClassFixture<PostgreSqlApp>;
