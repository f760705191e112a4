using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Tasks;

/// <summary>Small helpers for driving the tasks API in tests: create, act, report, read.</summary>
internal static class TaskTestClient
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Today in Dalian, as the app sees it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static async Task<JsonNode> CreateAsync(HttpClient supervisor, object body)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/tasks", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>A draft led by <paramref name="leadUnitId"/>, due in 60 days, with the given co-operating units.</summary>
    public static Task<JsonNode> CreateDraftAsync(HttpClient supervisor, int leadUnitId, params int[] partnerIds) =>
        CreateAsync(supervisor, new
        {
            title = $"Test task {Guid.NewGuid():N}",
            leadUnitId,
            deadline = Iso(Today.AddDays(60)),
            partners = partnerIds.Select(id => new { unitId = id, part = $"Part of unit {id}" }).ToArray(),
            tags = new List<string> { "test" },
        });

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> ActAsync(HttpClient client, int id, string action, int version, string? comment = null, object? extra = null)
    {
        var body = new JsonObject { ["version"] = version, ["comment"] = comment };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra, System.Text.Json.JsonSerializerOptions.Web))!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/actions/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> ActOkAsync(HttpClient client, int id, string action, int version, string? comment = null, object? extra = null)
    {
        var (status, body) = await ActAsync(client, id, action, version, comment, extra);
        Assert.True(status == HttpStatusCode.OK, $"{action}: {status} {body}");
        return body!;
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/v1/tasks/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<HttpResponseMessage> ReportAsync(
        HttpClient client, int id, int version, int percent, string done, bool claim = false, string? percentNote = null, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "version" },
            { new StringContent(percent.ToString(CultureInfo.InvariantCulture)), "percent" },
            { new StringContent(done), "done" },
            { new StringContent("Next: keep going"), "nextSteps" },
            { new StringContent(claim ? "true" : "false"), "claimsCompletion" },
        };
        if (percentNote is not null)
        {
            form.Add(new StringContent(percentNote), "percentNote");
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return await client.PostAsync($"/api/v1/tasks/{id}/reports", form);
    }

    /// <summary>A task assigned to <paramref name="leadCode"/> and signed for by a new member of its staff; returns the task and both clients.</summary>
    public static async Task<(JsonNode Task, HttpClient Supervisor, HttpClient Staff)> SignedForAsync(AppFixture app, string leadCode, params string[] partnerCodes)
    {
        var supervisor = await app.ApiClientAsync(Role.Supervisor, "DL-SUP");
        var staff = await app.ApiClientAsync(Role.UnitStaff, leadCode);
        var partnerIds = new List<int>();
        foreach (var code in partnerCodes)
        {
            partnerIds.Add(await app.UnitIdAsync(code));
        }

        var task = await CreateDraftAsync(supervisor, await app.UnitIdAsync(leadCode), [.. partnerIds]);
        var id = (int)task["id"]!;
        task = await ActOkAsync(supervisor, id, "assign", (int)task["version"]!, "Please handle");
        task = await ActOkAsync(staff, id, "sign-for", (int)task["version"]!, "Received");
        return (task, supervisor, staff);
    }

    public static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
