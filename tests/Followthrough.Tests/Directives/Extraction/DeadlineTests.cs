using Followthrough.Demo;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>Deadlines resolved against the document date 2021-04-21 (a Wednesday), with China's 2021 calendar.</summary>
public sealed class DeadlineTests
{
    private static ExtractedDeadline EnglishDeadline(string phrase) =>
        Extraction.Single($"Relevant departments must finish the work {phrase}.").Deadline ?? throw new InvalidOperationException($"no deadline in «{phrase}»");

    private static ExtractedDeadline ChineseDeadline(string phrase) =>
        Extraction.Single($"各区要在{phrase}完成整改。").Deadline ?? throw new InvalidOperationException($"no deadline in «{phrase}»");

    [Theory]
    [InlineData("by the end of June", "2021-06-30")]
    [InlineData("before the end of the year", "2021-12-31")]
    [InlineData("by the end of this year", "2021-12-31")]
    [InlineData("by year-end", "2021-12-31")]
    [InlineData("before 2025", "2024-12-31")]
    [InlineData("by 2035", "2035-12-31")]
    [InlineData("by the end of 2022", "2022-12-31")]
    [InlineData("by 30 September", "2021-09-30")]
    [InlineData("by September 30", "2021-09-30")]
    [InlineData("before 31 May 2022", "2022-05-31")]
    [InlineData("no later than 15 July", "2021-07-15")]
    [InlineData("within 3 months", "2021-07-21")]
    [InlineData("within three months", "2021-07-21")]
    [InlineData("within 7 days", "2021-04-28")]
    [InlineData("within two weeks", "2021-05-05")]
    [InlineData("within half a year", "2021-10-21")]
    [InlineData("in the third quarter", "2021-09-30")]
    [InlineData("by the end of the third quarter of next year", "2022-09-30")]
    [InlineData("in Q4", "2021-12-31")]
    [InlineData("in the first half of next year", "2022-06-30")]
    [InlineData("by the end of the month", "2021-04-30")]
    [InlineData("by the end of next month", "2021-05-31")]
    [InlineData("before June", "2021-05-31")]
    [InlineData("by the end of the 14th Five-Year Plan period", "2025-12-31")]
    [InlineData("before the 25th of every month", "2021-04-25")]
    public void EnglishPhrases_ResolveAgainstTheDocumentDate(string phrase, string date)
    {
        var deadline = EnglishDeadline(phrase);

        Assert.Equal(phrase, deadline.Text);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), deadline.Date);
    }

    [Theory]
    [InlineData("年底前", "2021-12-31")]
    [InlineData("今年年底前", "2021-12-31")]
    [InlineData("明年底前", "2022-12-31")]
    [InlineData("2022年底前", "2022-12-31")]
    [InlineData("2025年前", "2024-12-31")]
    [InlineData("6月底前", "2021-06-30")]
    [InlineData("六月底前", "2021-06-30")]
    [InlineData("6月前", "2021-05-31")]
    [InlineData("6月中旬", "2021-06-20")]
    [InlineData("9月30日前", "2021-09-30")]
    [InlineData("九月三十日前", "2021-09-30")]
    [InlineData("2021年5月31日前", "2021-05-31")]
    [InlineData("三季度", "2021-09-30")]
    [InlineData("第三季度末", "2021-09-30")]
    [InlineData("明年三季度末前", "2022-09-30")]
    [InlineData("三季度前", "2021-06-30")]
    [InlineData("上半年", "2021-06-30")]
    [InlineData("下半年", "2021-12-31")]
    [InlineData("年内", "2021-12-31")]
    [InlineData("本月底", "2021-04-30")]
    [InlineData("下月底", "2021-05-31")]
    [InlineData("3个月内", "2021-07-21")]
    [InlineData("7日内", "2021-04-28")]
    [InlineData("两周内", "2021-05-05")]
    [InlineData("半年内", "2021-10-21")]
    [InlineData("“十四五”期末", "2025-12-31")]
    public void ChinesePhrases_ResolveAgainstTheDocumentDate(string phrase, string date)
    {
        var deadline = ChineseDeadline(phrase);

        Assert.Equal(phrase, deadline.Text);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), deadline.Date);
    }

    [Fact]
    public void AMonthAlreadyPast_MeansNextYears()
    {
        Assert.Equal(new DateOnly(2022, 3, 31), EnglishDeadline("by the end of March").Date);
        Assert.Equal(new DateOnly(2022, 3, 31), ChineseDeadline("3月底前").Date);
        Assert.Equal(new DateOnly(2022, 3, 31), ChineseDeadline("一季度").Date);
    }

    [Fact]
    public void WorkingDays_AreCountedByTheCalendarGiven()
    {
        // A calendar that makes every day count ten: proves the engine asks the calendar, not the weekdays.
        var tenfold = new DirectiveExtractor(DemoActors.Registry, (from, days) => from.AddDays(days * 10));

        var english = tenfold.Extract("All districts must submit their plans within 20 working days.", Extraction.Date).Directives.Single();
        var chinese = tenfold.Extract("各区要在20个工作日内报送方案。", Extraction.Date).Directives.Single();

        Assert.Equal(("within 20 working days", new DateOnly(2021, 11, 7)), (english.Deadline!.Text, english.Deadline.Date!.Value));
        Assert.Equal(("20个工作日内", new DateOnly(2021, 11, 7)), (chinese.Deadline!.Text, chinese.Deadline.Date!.Value));
    }

    [Fact]
    public void WorkingDays_FollowChinasCalendar_HolidaysAndMakeUpDaysIncluded()
    {
        // 2021: Labour Day holiday 1–5 May; Sunday 25 April and Saturday 8 May were working days.
        Assert.Equal(new DateOnly(2021, 5, 20), EnglishDeadline("within 20 working days").Date);
        Assert.Equal(new DateOnly(2021, 4, 25), ChineseDeadline("3个工作日内").Date);
        Assert.Equal(new DateOnly(2021, 4, 28), ChineseDeadline("6个工作日内").Date);
        Assert.Equal(new DateOnly(2021, 5, 6), ChineseDeadline("9个工作日内").Date);
    }

    [Theory]
    [InlineData("as soon as possible")]
    [InlineData("before the Spring Festival")]
    [InlineData("without delay")]
    public void EnglishPhrasesWithoutADay_KeepTheirWordsAndHaveNoDate(string phrase)
    {
        var deadline = EnglishDeadline(phrase);

        Assert.Equal(phrase, deadline.Text);
        Assert.Null(deadline.Date);
    }

    [Theory]
    [InlineData("尽快")]
    [InlineData("春节前")]
    [InlineData("限期")]
    public void ChinesePhrasesWithoutADay_KeepTheirWordsAndHaveNoDate(string phrase)
    {
        var deadline = ChineseDeadline(phrase);

        Assert.Equal(phrase, deadline.Text);
        Assert.Null(deadline.Date);
    }

    [Theory]
    [InlineData("截至4月底全市已开工212个项目，各区要继续加快进度。")]
    [InlineData("5月17日，会议要求各区加强排查。")]
    [InlineData("一年内两次逾期的单位要作出书面检查。")]
    [InlineData("The meeting on 17 May required all districts to check the dykes.")]
    public void DatesThatAreNotTimeLimits_GiveNoDeadline(string sentence)
    {
        Assert.Null(Extraction.Single(sentence).Deadline);
    }

    [Fact]
    public void SeveralPhrases_TheFirstThatSaysByWhenIsReported()
    {
        var directive = Extraction.Single("在三季度，各区要于9月15日前完成第一批整改。");

        Assert.Equal("9月15日前", directive.Deadline!.Text);
    }
}
