using System.Text;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

public sealed class InputTests
{
    [Theory]
    [InlineData("Relevant departments should complete the survey by the end of June.", DocumentLanguage.English)]
    [InlineData("各区市县要在6月底前完成排查。", DocumentLanguage.Chinese)]
    [InlineData("会议要求，Liaoning Port Group要开通两条新的海铁联运班列，DRC负责协调。", DocumentLanguage.Chinese)]
    [InlineData("Speed up port construction.", DocumentLanguage.English)]
    [InlineData("La réunion a demandé aux départements de terminer les travaux avant la fin juin.", DocumentLanguage.Unknown)]
    [InlineData("Die Sitzung hat beschlossen, dass die Arbeiten bis Ende Juni abgeschlossen werden.", DocumentLanguage.Unknown)]
    [InlineData("La reunión pidió a los departamentos que terminen el trabajo antes de junio.", DocumentLanguage.Unknown)]
    [InlineData("Совещание поручило департаментам завершить работу до конца июня.", DocumentLanguage.Unknown)]
    [InlineData("会議は各部門に6月末までに作業を完了するよう求めました。", DocumentLanguage.Unknown)]
    [InlineData("회의는 각 부서에 6월 말까지 작업을 완료하도록 요청했습니다.", DocumentLanguage.Unknown)]
    [InlineData("طلب الاجتماع من الإدارات إنهاء العمل قبل نهاية يونيو.", DocumentLanguage.Unknown)]
    [InlineData("… ，。！？ 123 456 — ---", DocumentLanguage.Unknown)]
    public void Language_IsEnglishChineseOrNeither(string text, DocumentLanguage expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void TextInAnotherLanguage_GivesNoDirectives_UnlessALanguageIsForced()
    {
        var french = "Le comité doit terminer le rapport. Les départements doivent répondre avant juin.";

        var result = Extraction.Extract(french);

        Assert.Equal(DocumentLanguage.Unknown, result.Language);
        Assert.Empty(result.Directives);
        Assert.Equal(DocumentLanguage.English, Extraction.Extract(french, DocumentLanguage.English).Language);
    }

    [Fact]
    public void ByteOrderMark_IsNotPartOfTheText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("要加快推进。")).ToArray();

        var decoded = DocumentText.Decode(bytes);

        Assert.Equal("要加快推进。", decoded.Text);
    }

    [Fact]
    public void LineEnds_AreKeptAsTheyAre()
    {
        var decoded = DocumentText.Decode(Encoding.UTF8.GetBytes("Line one.\r\nLine two.\rLine three.\n"));

        Assert.Equal("Line one.\r\nLine two.\rLine three.\n", decoded.Text);
    }

    [Theory]
    [InlineData(new byte[] { }, "empty")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "only white space")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "empty")]
    [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x43 }, "NUL byte (at byte 2)")]
    [InlineData(new byte[] { 0x41, 0x42, 0xC3, 0x28, 0x43 }, "not valid UTF-8 (first bad byte at offset 2)")]
    [InlineData(new byte[] { 0xE8, 0xA6 }, "not valid UTF-8 (first bad byte at offset 0)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "UTF-16")]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x41, 0x04, 0x05 }, "control characters")]
    public void UnreadableBytes_AreRefusedWithAClearReason(byte[] bytes, string reason)
    {
        var decoded = DocumentText.Decode(bytes);

        Assert.Null(decoded.Text);
        Assert.Contains(reason, decoded.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLargeADocument_IsRefused()
    {
        var decoded = DocumentText.Decode(new byte[DocumentText.MaxBytes + 1]);

        Assert.Contains("larger than 20 MB", decoded.Problem, StringComparison.Ordinal);
    }
}
