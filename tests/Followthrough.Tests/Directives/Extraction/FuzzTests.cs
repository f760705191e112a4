using Followthrough.Tests.Infrastructure;
using System.Text;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>
/// The extractor never crashes and its offsets always slice the words it reports, whatever it is given. The
/// inputs are random but seeded, so a failure can be reproduced.
/// </summary>
public sealed class FuzzTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"-()[]\n\r\t"
        + "要必须应当确保加快推进落实负责牵头力争年底前月日季度内工作日有关部门各区市县会议强调一是二是（一）、，。；：！？“”「」‘’…—"
        + "%％０１２３４５６７８９\u00A0\u3000";

    private static readonly string[] Fragments =
    [
        "should", "must", "by the end of June", "within 20 working days", "No.", "2.85%", "First,", "Second,", "relevant departments",
        "Municipal Finance Bureau", "DRC", "要", "必须", "6月底前", "20个工作日内", "三季度", "一是", "二是", "（一）", "1.", "(2)",
        "市发改委", "有关部门", "各区市县", "“十四五”", "截至", "一年内", "每月25日前", "\r\n", "\n\n", "。", ". ", "…", "；",
    ];

    [Fact]
    public void RandomCharacters_NeverBreakTheInvariants()
    {
        var random = new Random(20210421);
        for (var round = 0; round < 400; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 400);
            for (var i = 0; i < length; i++)
            {
                text.Append(random.Next(4) == 0 ? Fragments[random.Next(Fragments.Length)] : Alphabet[random.Next(Alphabet.Length)].ToString());
            }

            Check(text.ToString());
        }
    }

    [Fact]
    public void RandomBytesDecodedAsUtf8_NeverBreakTheInvariants()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            Check(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void TruncatedUtf8OfTheSamples_NeverBreakTheInvariants()
    {
        var random = new Random(11);
        foreach (var document in Extraction.Samples())
        {
            var bytes = Encoding.UTF8.GetBytes(document.Text);
            for (var round = 0; round < 6; round++)
            {
                var from = random.Next(bytes.Length);
                var count = random.Next(bytes.Length - from);
                Check(Encoding.UTF8.GetString(bytes, from, count));
            }
        }
    }

    [Fact]
    public void LoneSurrogates_NeverBreakTheInvariants()
    {
        var random = new Random(13);
        foreach (var document in Extraction.Samples().Take(6))
        {
            var chars = document.Text.ToCharArray();
            for (var i = 0; i < chars.Length; i += random.Next(1, 40))
            {
                chars[i] = random.Next(2) == 0 ? '\uD83D' : '\uDE00';
            }

            Check(new string(chars));
        }

        Check("\uD800");
        Check("要\uDC00加快推进。\uD800");
    }

    [Fact]
    public void VeryLongLinesAndPunctuation_NeverBreakTheInvariants()
    {
        Check(new string('要', 200_000));
        Check(new string('。', 100_000));
        Check(new string('.', 100_000));
        Check(string.Concat(Enumerable.Repeat("要加快推进", 40_000)));
        Check(string.Concat(Enumerable.Repeat("We must act by the end of June and ", 20_000)));
        Check(string.Concat(Enumerable.Repeat("1. ", 30_000)));
        Check(string.Concat(Enumerable.Repeat("一是", 30_000)));
        Check(string.Concat(Enumerable.Repeat("“", 50_000)));
        Check(new string('\n', 50_000));
        Check("a" + new string(' ', 100_000) + "b，一是c");
        Check(string.Concat(Enumerable.Repeat("the audit bureau will check and hoped that the gas company ", 5_000)));
        Check(string.Concat(Enumerable.Repeat("市审计局将由市财政局负责，希望有关部门", 10_000)));
        Check(string.Concat(Enumerable.Repeat("12 \"", 30_000)));
        Check("We must raise it to " + new string('9', 2_000_000) + " percent by 2025.");
        Check("要提高到" + string.Concat(Enumerable.Repeat("1,000", 400_000)) + "%。");
        Check("，。；：！？、…—“”‘’「」（）《》.,;:!?'\"()[]{}");
    }

    [SharedFolderFact]
    public void TheLabelledSet_KeepsTheInvariants()
    {
        foreach (var document in Extraction.Seeds().Concat(Extraction.Samples()))
        {
            Extraction.AssertInvariants(document.Text, Extraction.Extractor.Extract(document.Text, document.Date));
            Extraction.AssertInvariants(document.Text, Extraction.Extractor.Extract(document.Text, document.Date, DocumentLanguage.Chinese));
            Extraction.AssertInvariants(document.Text, Extraction.Extractor.Extract(document.Text, document.Date, DocumentLanguage.English));
        }
    }

    [SharedFolderFact]
    public async Task OneExtractor_UsedFromManyThreadsAtOnce_GivesTheSameResultsAsOneByOne()
    {
        var documents = Extraction.Seeds().Concat(Extraction.Samples()).ToList();
        var expected = documents.Select(d => DirectiveJson.Serialize(Extraction.Extractor.Extract(d.Text, d.Date).Directives)).ToList();

        var actual = await Task.WhenAll(Enumerable.Range(0, documents.Count * 4).Select(i => Task.Run(() =>
        {
            var document = documents[i % documents.Count];
            return (i % documents.Count, DirectiveJson.Serialize(Extraction.Extractor.Extract(document.Text, document.Date).Directives));
        })));

        Assert.All(actual, result => Assert.Equal(expected[result.Item1], result.Item2));
    }

    private static void Check(string text)
    {
        foreach (var language in new DocumentLanguage?[] { null, DocumentLanguage.English, DocumentLanguage.Chinese })
        {
            foreach (var date in new[] { Extraction.Date, DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2021, 12, 31) })
            {
                var result = Extraction.Extractor.Extract(text, date, language);
                Extraction.AssertInvariants(text, result);
            }
        }
    }
}
