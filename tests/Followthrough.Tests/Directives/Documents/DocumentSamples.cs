using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Followthrough.Tests.Directives.Documents;

/// <summary>Small documents written for the tests, and helpers to upload them.</summary>
internal static class DocumentSamples
{
    /// <summary>A short meeting record: a background sentence, then three directives naming demo units and time limits.</summary>
    public const string Meeting =
        "会议听取了全市生态环境工作情况汇报。\n"
        + "会议要求，市生态环境局牵头，2021年6月底前完成督察反馈问题整改方案。\n"
        + "市科技局要会同市财政局加快建设重大科研平台，年底前形成成果转化项目清单。\n"
        + "各区市县要切实为基层减负，精简会议和文件。\n";

    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> PasteAsync(HttpClient client, string text, string title = "测试会议纪要", string date = "2021-04-21") =>
        client.PostAsJsonAsync("/api/v1/documents", new { kind = "MeetingRecord", title, date, issuingBody = "市委常委会", text });

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string title = "上传的会议纪要")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("MeetingRecord"), "kind" },
            { new StringContent(title), "title" },
            { new StringContent("2021-04-21"), "date" },
            { new StringContent("市政府"), "issuingBody" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/documents/files", form);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonArray> CandidatesAsync(HttpClient client, int documentId)
    {
        var page = (await client.GetFromJsonAsync<JsonObject>($"/api/v1/documents/{documentId}/candidates?pageSize=200"))!;
        return page["items"]!.AsArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
