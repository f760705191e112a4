using System.IO.Compression;
using System.Text;
using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

public sealed class EvidenceCheckTests
{
    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<x/>");
        }

        return stream.ToArray();
    }

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "report.pdf", TaskTestClient.Pdf, "application/pdf" },
        { "site.PNG", TaskTestClient.Png, "image/png" },
        { "site.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg" },
        { "minutes.docx", Zip("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "ledger.xlsx", new ListTable("t", ["a"], [["1"]]).ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "note.txt", Encoding.UTF8.GetBytes("整改完成情况说明\r\nAll 30 sites checked.\n"), "text/plain; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Accepted), DisableDiscoveryEnumeration = true)]
    public void MatchingContent_IsAccepted(string name, byte[] content, string contentType)
    {
        var verdict = EvidenceCheck.Check(name, content);
        Assert.True(verdict.Accepted, verdict.Problem);
        Assert.Equal(contentType, verdict.ContentType);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "photo.png", TaskTestClient.Pdf, "name does not match" },
        { "report.pdf", [0x4D, 0x5A, 0x90, 0x00], "name does not match" }, // a Windows program
        { "minutes.docx", Zip("xl/workbook.xml"), "name does not match" },
        { "ledger.xlsx", [.. "PK\u0003\u0004garbage"u8], "name does not match" },
        { "note.txt", [0x00, 0x01, 0x02, 0xFF], "name does not match" },
        { "run.exe", [0x4D, 0x5A], "only" },
        { "no-extension", TaskTestClient.Pdf, "only" },
        { "empty.pdf", [], "empty" },
        { "huge.pdf", [.. "%PDF-"u8, .. new byte[EvidenceCheck.MaxBytes]], "larger than 10 MB" },
    };

    [Theory]
    // Built when the test runs, not at discovery: xunit would serialize the 10 MB case element by element (gigabytes).
    [MemberData(nameof(Refused), DisableDiscoveryEnumeration = true)]
    public void WrongOrBadContent_IsRefused_WithAReason(string name, byte[] content, string reason)
    {
        var verdict = EvidenceCheck.Check(name, content);
        Assert.False(verdict.Accepted);
        Assert.Contains(reason, verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PathsInTheName_AreIgnored()
    {
        var verdict = EvidenceCheck.Check("../../etc/report.pdf", TaskTestClient.Pdf);
        Assert.True(verdict.Accepted);
    }
}
