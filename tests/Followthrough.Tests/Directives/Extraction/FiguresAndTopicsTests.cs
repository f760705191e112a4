namespace Followthrough.Tests.Directives.Extraction;

public sealed class FiguresAndTopicsTests
{
    private static (string Text, decimal Value, string Unit)[] Figures(string sentence) =>
        [.. Extraction.Single(sentence).Quantities.Select(q => (q.Text, q.Value, q.Unit))];

    [Fact]
    public void EnglishFigures_AreNumbersWithTheirUnitOrThingCounted()
    {
        var figures = Figures("We must raise R&D spending to 2.85% of GDP, keep more than 300 days of good air and protect 30,000 square kilometers of sea, up 0.62 percentage points.");

        Assert.Equal(
        [
            ("2.85%", 2.85m, "%"),
            ("300 days", 300m, "days"),
            ("30,000 square kilometers", 30000m, "square kilometers"),
            ("0.62 percentage points", 0.62m, "percentage points"),
        ], figures);
    }

    [Fact]
    public void ChineseFigures_AreNumbersWithTheirMeasureWord()
    {
        var figures = Figures("要建成755 个“清洁村庄”，保护30,000 平方公里海域，争取资金416亿元，开通两条班列，优良比例达到96.5%。");

        Assert.Equal(
        [
            ("755 个", 755m, "个"),
            ("30,000 平方公里", 30000m, "平方公里"),
            ("416亿元", 416m, "亿元"),
            ("两条", 2m, "条"),
            ("96.5%", 96.5m, "%"),
        ], figures);
    }

    [Fact]
    public void YearsDatesOrdinalsAndListNumbers_AreNotFigures()
    {
        Assert.Empty(Figures("1. In the 14th Five-Year Plan, all districts must report by 30 June 2021."));
        Assert.Empty(Figures("各区要在2021年6月30日前报送第3批清单。"));
    }

    [Theory]
    [InlineData("We must strengthen the protection of the ecological environment and cut pollution.", "ecology")]
    [InlineData("要加强生态环境保护，减少污染排放。", "ecology")]
    [InlineData("We should build platforms for scientific and technological innovation.", "innovation")]
    [InlineData("要加快科技创新平台建设。", "innovation")]
    [InlineData("We will deepen the reform of government services and approvals.", "business-environment")]
    [InlineData("要持续优化营商环境。", "business-environment")]
    [InlineData("The port should open two more sea-rail routes.", "opening-up")]
    [InlineData("要扩大对外开放，建设国际航运中心。", "opening-up")]
    [InlineData("We will create 60,000 jobs and build ten schools.", "livelihood")]
    [InlineData("要做好就业和教育工作。", "livelihood")]
    [InlineData("We must upgrade equipment manufacturing and the petrochemical industry.", "industry")]
    [InlineData("要推动制造业转型升级。", "industry")]
    [InlineData("We should coordinate urban and rural development and the layout of land and sea.", "urban-rural")]
    [InlineData("要统筹城乡发展，优化空间布局。", "urban-rural")]
    [InlineData("It is necessary to reduce the burden on the grass roots and refrain from formalism.", "grassroots-burden")]
    [InlineData("要切实为基层减负，力戒形式主义。", "grassroots-burden")]
    [InlineData("Flood prevention and safety in production must not be relaxed.", "safety")]
    [InlineData("要抓好防汛和安全生产工作。", "safety")]
    public void Topics_FollowTheWordsOfEachField(string sentence, string topic)
    {
        Assert.Contains(topic, Extraction.Single(sentence).Topics);
    }

    [Fact]
    public void Topics_AreListedOnceInTheCatalogueOrder()
    {
        var topics = Extraction.Single("We must protect the environment, support innovation and cut pollution, innovation again.").Topics;

        Assert.Equal(["ecology", "innovation"], topics);
    }
}
