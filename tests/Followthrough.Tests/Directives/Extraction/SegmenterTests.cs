using Followthrough.Tests.Infrastructure;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

public sealed class SegmenterTests
{
    private static string[] Pieces(string text) =>
        [.. Segmenter.Split(text).Segments.Select(s => s.Span.Slice(text))];

    [Fact]
    public void EnglishFullStops_AfterAbbreviationsDecimalsAndNumbers_DoNotEndSentences()
    {
        var text = "Dr. Li said R&D spending reached 2.85% of GDP in No. 3 district, i.e. more than before. The meeting ended at 11 a.m. on Monday. Prices rose 3.5 percent.";

        Assert.Equal(
        [
            "Dr. Li said R&D spending reached 2.85% of GDP in No. 3 district, i.e. more than before.",
            "The meeting ended at 11 a.m. on Monday.",
            "Prices rose 3.5 percent.",
        ], Pieces(text));
    }

    [Fact]
    public void ChinesePunctuation_EndsSentencesAndClauses()
    {
        var text = "要加快推进港口建设。必须确保安全！这项工作怎么办？要落实责任；要压实任务。";

        Assert.Equal(["要加快推进港口建设。", "必须确保安全！", "这项工作怎么办？", "要落实责任；", "要压实任务。"], Pieces(text));
    }

    [Fact]
    public void ClosingQuotes_StayWithTheSentenceTheyClose()
    {
        Assert.Equal(["他说：“要加快推进。”", "会议要求各区落实。"], Pieces("他说：“要加快推进。”会议要求各区落实。"));
        Assert.Equal(["He said: \"We must finish it.\"", "The meeting agreed."], Pieces("He said: \"We must finish it.\" The meeting agreed."));
        Assert.Equal(["「要抓紧。」", "‘好的。’"], Pieces("「要抓紧。」‘好的。’"));
    }

    [Fact]
    public void EllipsisInsideAChineseEnumeration_DoesNotEndTheSentence()
    {
        var segments = Segmenter.Split("会议要求：一是……二是……三是……").Segments;

        Assert.Equal(4, segments.Count);
        Assert.True(segments[0].Has(SegmentShape.LeadIn));
        Assert.All(segments.Skip(1), s => Assert.True(s.Has(SegmentShape.Enumerated)));
    }

    [Theory]
    [InlineData("会议要求：一是加快建设；二是强化保障；三是严格考核。", "一是加快建设；", "二是强化保障；", "三是严格考核。")]
    [InlineData("会议强调，一要提高站位，二要压实责任，三要严格督办。", "一要提高站位，", "二要压实责任，", "三要严格督办。")]
    [InlineData("要求如下：（一）明确责任。（二）严格时限。", "（一）明确责任。", "（二）严格时限。", null)]
    [InlineData("要求如下：1.加强领导；2.落实责任；3.严格考核。", "1.加强领导；", "2.落实责任；", "3.严格考核。")]
    [InlineData("要求如下：(1)加强领导；(2)落实责任。", "(1)加强领导；", "(2)落实责任。", null)]
    [InlineData("重点做好三件事：第一，抓好整改；第二，压实责任；第三，严格问责。", "第一，抓好整改；", "第二，压实责任；", "第三，严格问责。")]
    [InlineData("First, the city should act. Second, every district must report.", "First, the city should act.", "Second, every district must report.", null)]
    [InlineData("The team made two demands: first, stop the sand mining; second, restore the coast.", "first, stop the sand mining;", "second, restore the coast.", null)]
    [InlineData("要求：①加强领导；②落实责任。", "①加强领导；", "②落实责任。", null)]
    public void Enumerations_OpenAnItemEach(string text, string first, string second, string? third)
    {
        var items = Segmenter.Split(text).Segments.Where(s => s.Has(SegmentShape.Enumerated)).Select(s => s.Span.Slice(text)).ToArray();

        Assert.Equal(third is null ? [first, second] : [first, second, third], items);
    }

    [Fact]
    public void NumberedLines_AreItemsWithTheirMarkerSkipped()
    {
        var text = "一、明确责任\n1. 市政府督查室负责统筹。\n(2) Each lead unit shall appoint a contact.\n1.1 The office reports monthly.\nI. Review of our work";
        var segments = Segmenter.Split(text).Segments;

        Assert.Equal(5, segments.Count);
        Assert.All(segments, s => Assert.True(s.Has(SegmentShape.Enumerated | SegmentShape.StartsLine)));
        Assert.Equal(["明确责任", "市政府督查室负责统筹。", "Each lead unit shall appoint a contact.", "The office reports monthly.", "Review of our work"],
            segments.Select(s => s.Body.Slice(text)).ToArray());
    }

    [Fact]
    public void NumbersThatAreNotMarkers_AreLeftInTheSentence()
    {
        var text = "2.85% of GDP went to research. 3 units reported late. Spending rose 2.85 percent.";
        var segments = Segmenter.Split(text).Segments;

        Assert.Equal(["2.85% of GDP went to research.", "3 units reported late.", "Spending rose 2.85 percent."], Pieces(text));
        Assert.DoesNotContain(segments, s => s.Has(SegmentShape.Enumerated));
        Assert.Single(Pieces("统一要求各单位执行。"));
    }

    [Fact]
    public void HeadingOnItsOwnLine_IsAnUnterminatedWholeLine()
    {
        var segments = Segmenter.Split("Minutes of the Executive Meeting\n\nThe meeting was held on 17 May.").Segments;

        Assert.True(segments[0].Has(SegmentShape.StartsLine | SegmentShape.EndsLine));
        Assert.False(segments[0].Has(SegmentShape.Terminated));
        Assert.True(segments[1].Has(SegmentShape.Terminated));
    }

    [Fact]
    public void TextWithoutLineBreaks_IsCutIntoItsSentencesInOneParagraph()
    {
        var sentence = "The bureau shall check the dykes within 7 days. Repairs are to finish before the end of November; the districts must report weekly. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 200));
        var split = Segmenter.Split(text);

        Assert.Single(split.Paragraphs);
        Assert.Equal(600, split.Segments.Count);
    }

    [Fact]
    public void HardWrappedEnglish_KeepsSentencesAcrossLineBreaks()
    {
        var text = "Since the beginning of the year, the city has cut 217 approval items and\n"
            + "reduced the time for starting a business to 1.5 days. The platform now\n"
            + "serves more than 2 million registered users, and the number keeps\n"
            + "growing. These results did not come easily.\n";

        var pieces = Pieces(text);

        Assert.Equal(3, pieces.Length);
        Assert.StartsWith("Since the beginning", pieces[0], StringComparison.Ordinal);
        Assert.EndsWith("1.5 days.", pieces[0], StringComparison.Ordinal);
        Assert.EndsWith("keeps\ngrowing.", pieces[1], StringComparison.Ordinal);
    }

    [Fact]
    public void HardWrappedChinese_KeepsSentencesAcrossLineBreaks()
    {
        var text = "今年以来，全市共精简审批事项217项，企业开办时间压缩\n至1.5天。“一网通办”平台注册用户超过200万，数量还\n在持续增长。这些成绩来之不易，我们要倍加珍惜，继续\n努力。\n";

        var pieces = Pieces(text);

        Assert.Equal(3, pieces.Length);
        Assert.Equal("今年以来，全市共精简审批事项217项，企业开办时间压缩\n至1.5天。", pieces[0]);
        Assert.Equal("这些成绩来之不易，我们要倍加珍惜，继续\n努力。", pieces[2]);
    }

    [Fact]
    public void ListLines_AreNotJoinedEvenWhenWrappingIsDetected()
    {
        var text = "No. 1\nTask: Draw up the rectification plan and submit it to the government.\nLead unit: Municipal Ecology and Environment Bureau, with the districts\nDeadline: by 31 May 2021";

        Assert.Equal(4, Pieces(text).Length);
    }

    [Fact]
    public void CarriageReturns_AreKeptAndCutLikeLineFeeds()
    {
        var lf = "一、总体要求\n\n会议要求各区落实。\n要加快推进。";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(Pieces(lf), Pieces(crlf));
    }

    [SharedFolderFact]
    public void EverySegment_IsANonEmptyTrimmedSliceInDocumentOrder()
    {
        foreach (var document in Extraction.Seeds().Concat(Extraction.Samples()))
        {
            var previousEnd = 0;
            foreach (var segment in Segmenter.Split(document.Text).Segments)
            {
                Assert.True(segment.Span.Start >= previousEnd, document.Name);
                Assert.True(segment.Span.Length > 0, document.Name);
                Assert.False(char.IsWhiteSpace(document.Text[segment.Span.Start]), document.Name);
                Assert.False(char.IsWhiteSpace(document.Text[segment.Span.End - 1]), document.Name);
                Assert.InRange(segment.BodyStart, segment.Span.Start, segment.Span.End);
                previousEnd = segment.Span.End;
            }
        }
    }
}
