using Followthrough.Directives.Extraction;
using Followthrough.Organization;

namespace Followthrough.Tests.Directives.Extraction;

public sealed class ActorTests
{
    private static (string Text, string? Unit)[] Actors(string sentence) =>
        [.. Extraction.Single(sentence).Actors.Select(a => (a.Text, a.Unit))];

    [Theory]
    [InlineData("市政府督查室要每月通报进展。", "市政府督查室", "DL-SUP")]
    [InlineData("市政府办公室要牵头起草方案。", "市政府办公室", "DL-GO")]
    [InlineData("市政府要加强统筹。", "市政府", "DL-GOV")]
    [InlineData("市发展改革委要梳理项目清单。", "市发展改革委", "DL-DRC")]
    [InlineData("大连市发展和改革委员会要梳理项目清单。", "大连市发展和改革委员会", "DL-DRC")]
    [InlineData("The Municipal Finance Bureau shall release the funds.", "Municipal Finance Bureau", "DL-FIN")]
    [InlineData("The Dalian Municipal Finance Bureau shall release the funds.", "Dalian Municipal Finance Bureau", "DL-FIN")]
    [InlineData("The DRC must report by June.", "DRC", "DL-DRC")]
    [InlineData("Liaoning Port Group should open two more routes.", "Liaoning Port Group", "LN-PORT")]
    [InlineData("辽港集团要再开通两条班列。", "辽港集团", "LN-PORT")]
    [InlineData("The Municipal Bureau of Industry and Commerce is to reply to each enterprise.", "Municipal Bureau of Industry and Commerce", "DL-IIT")]
    public void RegistryUnits_AreMatchedByNameOrAlias_LongestFirst(string sentence, string words, string code)
    {
        Assert.Contains((words, code), Actors(sentence));
    }

    [Theory]
    [InlineData("Relevant departments should act at once.", "Relevant departments")]
    [InlineData("All districts must report by June.", "All districts")]
    [InlineData("Departments at all levels must check every compound.", "Departments at all levels")]
    [InlineData("Party committees and governments at all levels should take the initiative.", "Party committees and governments at all levels")]
    [InlineData("各级各部门要高度重视。", "各级各部门")]
    [InlineData("有关部门要抓紧研究。", "有关部门")]
    [InlineData("各区市县要在6月底前完成。", "各区市县")]
    [InlineData("各地区各部门要认真落实。", "各地区各部门")]
    [InlineData("农业农村部门要组织农机抢收。", "农业农村部门")]
    [InlineData("市审计局将于明年核查整改情况。", "市审计局")]
    [InlineData("The audit bureau will check the rectification next year.", "audit bureau")]
    public void GenericActors_HaveNoUnit(string sentence, string words)
    {
        Assert.Contains((words, (string?)null), Actors(sentence));
    }

    [Fact]
    public void ShortCodes_MatchOnlyInCapitals_AndShortChineseAliasesOnlyAsWords()
    {
        Assert.DoesNotContain(Actors("We must report the drc figures by June."), a => a.Unit == "DL-DRC");
        Assert.DoesNotContain(Actors("要加快推进重大工程建设。"), a => a.Unit == "DUT");
        Assert.Contains(("大工", "DUT"), Actors("由大工牵头组建联合实验室。"));
    }

    [Fact]
    public void WordsThatOnlyEndLikeAnOrganisation_AreNotActors()
    {
        Assert.Empty(Actors("要优化城市空间布局。"));
        Assert.Empty(Actors("要确保开好局。"));
        Assert.Empty(Actors("要在服务大厅设立窗口。"));
    }

    [Fact]
    public void TheSameUnitNamedTwice_IsListedOnce_AtItsFirstMention()
    {
        var directive = Extraction.Single("市财政局要会同有关部门拨付资金，市财政局要监督使用。");

        Assert.Single(directive.Actors, a => a.Unit == "DL-FIN");
        Assert.Equal(0, directive.Actors.Single(a => a.Unit == "DL-FIN").Span.Start);
    }

    [Fact]
    public void UnitsFromTheDatabase_ReplaceTheDemo_AndInactiveOnesAreIgnored()
    {
        var units = new[]
        {
            new UnitEntry(1, "X-WATER", "某市水务局", "Municipal Water Bureau", UnitKind.Bureau, null, ["市水务局", "water bureau"], IsActive: true),
            new UnitEntry(2, "X-OLD", "某市旧局", "Old Bureau", UnitKind.Bureau, null, [], IsActive: false),
        };
        var extractor = new DirectiveExtractor(ActorRegistry.FromUnits(units), Extraction.AddWorkingDays);

        var chinese = extractor.Extract("市水务局要在汛前检查全部水库。", Extraction.Date).Directives.Single();
        var english = extractor.Extract("The water bureau must check all reservoirs before the rainy season.", Extraction.Date).Directives.Single();
        var old = extractor.Extract("Old Bureau must close.", Extraction.Date).Directives.Single();

        Assert.Equal("X-WATER", chinese.Actors.Single(a => a.Text == "市水务局").Unit);
        Assert.Equal("X-WATER", english.Actors.Single(a => a.Text == "water bureau").Unit);
        Assert.DoesNotContain(old.Actors, a => a.Unit == "X-OLD");
    }

    [Fact]
    public void Registry_TakesCodesNamesAndAliases()
    {
        var registry = new ActorRegistry([new RegistryUnit("HB", ["Harbour Board"], ["港务局"])]);
        var directive = new DirectiveExtractor(registry, Extraction.AddWorkingDays).Extract("港务局要加强安全检查。", Extraction.Date).Directives.Single();

        Assert.Equal(("港务局", "HB"), (directive.Actors[0].Text, directive.Actors[0].Unit));
    }
}
