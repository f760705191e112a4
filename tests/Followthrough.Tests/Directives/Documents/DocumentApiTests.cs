using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Directives.Documents;
using Followthrough.Organization;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Tests.Directives.Documents.DocumentSamples;

namespace Followthrough.Tests.Directives.Documents;

/// <summary>Documents through the API: intake and its refusals, candidates, review, tasks, follow-up, download, permissions.</summary>
public abstract class DocumentApiTests(AppFixture app)
{
    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "blank.txt", Utf8("   \n\t  "), "white space" },
        { "empty.txt", [], "empty" },
        { "binary.txt", [0x50, 0x4B, 0x00, 0x01, 0x02, 0x00, 0xFF], "binary" },
        { "fake.docx", Utf8("这不是一个Word文件，只是改了扩展名。"), "not a Word" },
        { "large.txt", Utf8(new string('要', (DocumentFile.MaxBytes / 3) + 10)), "larger than 2 MB" },
        { "russian.txt", Utf8("Совещание поручило подготовить план до конца июня. Следует усилить контроль."), "neither Chinese nor English" },
        { "nothing.txt", Utf8("会议听取了全市经济运行情况汇报。去年全市地区生产总值增长了百分之五。"), "No directives" },
        { "image.png", [0x89, 0x50, 0x4E, 0x47], "only .txt, .md and .docx" },
    };

    [Theory]
    // Built when the test runs, not at discovery: xunit would serialize the 2 MB case element by element (gigabytes).
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public async Task Upload_BadFile_IsRefusedWithAFieldMessage_AndNothingIsStored(string fileName, byte[] content, string expected)
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var before = await CountAsync();
        var response = await UploadAsync(supervisor, fileName, content, title: "bad " + fileName);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(expected, (string?)problem["errors"]!["file"]![0], StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Paste_BlankText_OrMissingFacts_IsRefusedFieldByField()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var response = await supervisor.PostAsJsonAsync("/api/v1/documents", new { kind = "Speech", text = "  \n " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("text"));
        Assert.True(errors.ContainsKey("title"));
        Assert.True(errors.ContainsKey("date"));
    }

    [Fact]
    public async Task Paste_MeetingRecord_StoresCandidatesWithExactOffsetsAndMatchedUnits()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var document = await JsonAsync(await PasteAsync(supervisor, Meeting, title: "offsets"));
        Assert.Equal("zh", (string?)document["language"]);
        Assert.Equal(Meeting, (string?)document["text"]);
        var candidates = await CandidatesAsync(supervisor, (int)document["id"]!);
        Assert.Equal(3, candidates.Count);
        foreach (var candidate in candidates)
        {
            var start = (int)candidate!["start"]!;
            var end = (int)candidate["end"]!;
            Assert.Equal(Meeting[start..end], (string?)candidate["sentence"]);
            foreach (var actor in candidate["actors"]!.AsArray())
            {
                Assert.InRange((int)actor!["start"]!, start, end);
            }
        }

        var first = candidates[0]!;
        Assert.StartsWith("会议要求，市生态环境局牵头", (string?)first["sentence"], StringComparison.Ordinal);
        Assert.Equal(await app.UnitIdAsync("DL-EEB"), (int?)first["leadUnitId"]);
        Assert.Equal("2021-06-30", (string?)first["deadline"]);
        var second = candidates[1]!;
        Assert.Equal(await app.UnitIdAsync("DL-STB"), (int?)second["leadUnitId"]);
        Assert.Equal([await app.UnitIdAsync("DL-FIN")], second["partnerUnitIds"]!.AsArray().Select(i => (int)i!));
        Assert.Equal("2021-12-31", (string?)second["deadline"]);
        Assert.Null((int?)candidates[2]!["leadUnitId"]); // a generic actor names no unit
    }

    [Fact]
    public async Task UploadDocx_ReadsParagraphs_AndDownloadGivesTheSameBytes()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var docx = Docx("会议纪要", "会议要求，市科技局牵头，2021年9月底前建成科技成果转化服务平台。", "会议强调，市财政局要保障资金。");
        var document = await JsonAsync(await UploadAsync(supervisor, "meeting.docx", docx, title: "docx round trip"));
        var text = (string)document["text"]!;
        Assert.Equal("会议纪要\n会议要求，市科技局牵头，2021年9月底前建成科技成果转化服务平台。\n会议强调，市财政局要保障资金。", text);
        var candidates = await CandidatesAsync(supervisor, (int)document["id"]!);
        Assert.NotEmpty(candidates);
        Assert.Equal(text[(int)candidates[0]!["start"]!..(int)candidates[0]!["end"]!], (string?)candidates[0]!["sentence"]);

        var download = await supervisor.GetAsync($"/api/v1/documents/{(int)document["id"]!}/original");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("meeting.docx", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Download_DamagedFile_IsNotServed()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var text = Meeting + "会议要求，市科技局务必在9月底前报送进展。\n";
        var document = await JsonAsync(await PasteAsync(supervisor, text, title: "damaged"));
        var folder = Path.Combine(app.Database.Folder, "documents", ((string)document["sha256"]!)[..2]);
        await File.WriteAllTextAsync(Path.Combine(folder, (string)document["sha256"]!), "changed on disk");
        var download = await supervisor.GetAsync($"/api/v1/documents/{(int)document["id"]!}/original");
        Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        Assert.Contains("checksum", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_AcceptRejectMergeSplit_ChangeTheCandidates()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var document = await JsonAsync(await PasteAsync(supervisor, Meeting, title: "review"));
        var id = (int)document["id"]!;
        var candidates = await CandidatesAsync(supervisor, id);
        var (a, b, c) = (candidates[0]!, candidates[1]!, candidates[2]!);

        // Merge the first with the second: one candidate spanning both sentences, units joined.
        var merged = await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)a["id"]!}/merge", new { version = (int)a["version"]! }));
        Assert.Equal((int)a["start"]!, (int)merged["start"]!);
        Assert.Equal((int)b["end"]!, (int)merged["end"]!);
        Assert.Equal(Meeting[(int)a["start"]!..(int)b["end"]!], (string?)merged["text"]);
        Assert.Equal(2, (await CandidatesAsync(supervisor, id)).Count);

        // Split it again where the second sentence starts.
        var at = (int)b["start"]! - (int)a["start"]!;
        var second = await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)merged["id"]!}/split", new { version = (int)merged["version"]!, at }));
        Assert.Equal((int)b["start"]!, (int)second["start"]!);
        Assert.Equal(await app.UnitIdAsync("DL-STB"), (int?)second["leadUnitId"]);
        var afterSplit = await CandidatesAsync(supervisor, id);
        Assert.Equal(3, afterSplit.Count);
        Assert.Equal((int)b["start"]!, (int)afterSplit[0]!["end"]!);
        Assert.Equal("2021-06-30", (string?)afterSplit[0]!["deadline"]);

        var badSplit = await supervisor.PostAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)c["id"]!}/split", new { version = (int)c["version"]!, at = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, badSplit.StatusCode);

        // Reject the third; accept the first with an edited text.
        var rejected = await JsonAsync(await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)c["id"]!}", new { version = (int)c["version"]!, status = "Rejected" }));
        Assert.Equal("Rejected", (string?)rejected["status"]);
        var first = afterSplit[0]!;
        var accepted = await JsonAsync(await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)first["id"]!}", new
        {
            version = (int)first["version"]!,
            status = "Accepted",
            text = "制定督察反馈问题整改方案",
            leadUnitId = (int?)first["leadUnitId"],
            deadline = "2021-06-30",
        }));
        Assert.Equal("制定督察反馈问题整改方案", (string?)accepted["text"]);
        Assert.Equal((string?)first["sentence"], (string?)accepted["sentence"]);

        var stale = await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)first["id"]!}", new { version = (int)first["version"]!, status = "Rejected" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task CreateTasks_OneInvalidRow_CreatesNone_ThenAllInOneStep_AndTheFollowUpCountsThem()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var document = await JsonAsync(await PasteAsync(supervisor, Meeting, title: "create tasks"));
        var id = (int)document["id"]!;
        var candidates = await CandidatesAsync(supervisor, id);
        foreach (var candidate in candidates)
        {
            await JsonAsync(await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)candidate!["id"]!}", new
            {
                version = (int)candidate["version"]!,
                status = "Accepted",
                leadUnitId = (int?)candidate["leadUnitId"],
                partnerUnitIds = candidate["partnerUnitIds"]!.AsArray().Select(i => (int)i!).ToArray(),
                deadline = (string?)candidate["deadline"],
            }));
        }

        var before = await TaskCountAsync();
        var refused = await supervisor.PostAsync($"/api/v1/documents/{id}/tasks", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([$"candidates[{(int)candidates[2]!["id"]!}].leadUnitId"], errors.Select(e => e.Key));
        Assert.Equal(before, await TaskCountAsync());

        var third = (await CandidatesAsync(supervisor, id))[2]!;
        await JsonAsync(await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)third["id"]!}", new
        {
            version = (int)third["version"]!,
            status = "Accepted",
            leadUnitId = await app.UnitIdAsync("DL-GO"),
        }));
        var made = (await supervisor.PostAsync($"/api/v1/documents/{id}/tasks", null));
        Assert.True(made.StatusCode == HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        var created = (await made.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.Equal(3, created.Count);
        Assert.Equal(before + 3, await TaskCountAsync());

        var taskId = (int)created[0]!["taskId"]!;
        var task = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/tasks/{taskId}"))!;
        Assert.Equal("Directive", (string?)task["originKind"]);
        Assert.Equal((int)created[0]!["candidateId"]!, (int?)task["originId"]);
        Assert.Contains($"[{(int)candidates[0]!["start"]!}-{(int)candidates[0]!["end"]!})", (string?)task["originReference"], StringComparison.Ordinal);
        Assert.Equal("2021-06-30", (string?)task["deadline"]);

        // The follow-up counts them: three tasks, none assigned yet; after assigning one (with a deadline ahead),
        // one assigned and running on time.
        var report = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/follow-up"))!;
        Assert.Equal(3, (int)report["tasks"]!);
        Assert.Equal(0, (int)report["assigned"]!);
        var ahead = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var edited = await supervisor.PutAsJsonAsync($"/api/v1/tasks/{taskId}", new
        {
            version = (int)task["version"]!,
            title = (string?)task["title"],
            leadUnitId = await app.UnitIdAsync("DL-EEB"),
            deadlineKind = "Date",
            deadline = ahead,
            originKind = "Directive",
            originId = (int?)task["originId"],
            originReference = (string?)task["originReference"],
            reportingCadence = "Monthly",
            supervisionLevel = "Routine",
        });
        var editedTask = await JsonAsync(edited);
        var assign = await supervisor.PostAsJsonAsync($"/api/v1/tasks/{taskId}/actions/assign", new { version = (int)editedTask["version"]!, comment = "go" });
        Assert.True(assign.StatusCode == HttpStatusCode.OK, await assign.Content.ReadAsStringAsync());
        report = (await supervisor.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{id}/follow-up"))!;
        Assert.Equal(1, (int)report["assigned"]!);
        Assert.Equal(1, (int)report["onTime"]!);
        Assert.Equal(0, (int)report["overdue"]!);
        Assert.Equal(0, (int)report["closed"]!);

        var csv = await supervisor.GetAsync($"/api/v1/documents/{id}/follow-up?format=csv");
        Assert.Contains("Became tasks,3", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var xlsx = await supervisor.GetAsync($"/api/v1/documents/{id}/follow-up?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // A candidate that is a task can no longer be changed.
        var locked = (await CandidatesAsync(supervisor, id))[0]!;
        var change = await supervisor.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)locked["id"]!}", new { version = (int)locked["version"]!, status = "Rejected" });
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);

        // Unit staff read the document when their unit leads one of its tasks, and not otherwise.
        var eeb = await app.ApiClientAsync(Role.UnitStaff, "DL-EEB");
        Assert.Equal(HttpStatusCode.OK, (await eeb.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        var list = (await eeb.GetFromJsonAsync<JsonObject>("/api/v1/documents"))!;
        Assert.Contains(list["items"]!.AsArray(), d => (int)d!["id"]! == id);
        var rkp = await app.ApiClientAsync(Role.UnitStaff, "DL-DRC");
        Assert.Equal(HttpStatusCode.NotFound, (await rkp.GetAsync($"/api/v1/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task Permissions_LeadersRead_OthersMayNotUploadOrReview()
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var document = await JsonAsync(await PasteAsync(supervisor, Meeting, title: "permissions"));
        var id = (int)document["id"]!;
        var leader = await app.ApiClientAsync(Role.Leader);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PasteAsync(leader, Meeting)).StatusCode);
        var candidate = (await CandidatesAsync(leader, id))[0]!;
        var review = await leader.PutAsJsonAsync($"/api/v1/documents/{id}/candidates/{(int)candidate["id"]!}", new { version = (int)candidate["version"]!, status = "Accepted" });
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/api/v1/documents/{id}/tasks", null)).StatusCode);

        var admin = await app.ApiClientAsync(Role.Administrator);
        Assert.Equal(HttpStatusCode.Created, (await PasteAsync(admin, Meeting, title: "by the administrator")).StatusCode);
        var staff = await app.ApiClientAsync(Role.UnitStaff, "DL-STB");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/v1/documents/{id}/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(staff, "m.txt", Utf8(Meeting))).StatusCode);
        var citizen = await app.ApiClientAsync(Role.Citizen);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync("/api/v1/documents")).StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Db();
        return await scope.Db.Set<SourceDocument>().CountAsync() + await scope.Db.Set<DirectiveCandidate>().CountAsync();
    }

    private async Task<int> TaskCountAsync()
    {
        await using var scope = app.Db();
        return await scope.Db.Set<WorkTask>().CountAsync();
    }
}

public sealed class DocumentApiOnSqlite(SqliteApp app) : DocumentApiTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentApiOnPostgreSql(PostgreSqlApp app) : DocumentApiTests(app), IClassFixture<PostgreSqlApp>;
