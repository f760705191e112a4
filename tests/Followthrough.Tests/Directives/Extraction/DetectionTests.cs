namespace Followthrough.Tests.Directives.Extraction;

public sealed class DetectionTests
{
    [Theory]
    [InlineData("Relevant departments should complete the survey by the end of June.")]
    [InlineData("All districts must submit their plans within 10 working days.")]
    [InlineData("The bureau shall publish the list every month.")]
    [InlineData("We need to finish the integration of the approval systems.")]
    [InlineData("It is necessary to speed up the construction of major research platforms.")]
    [InlineData("Efforts should be made to reduce the burden on the grass roots.")]
    [InlineData("We will build ten new primary schools this year.")]
    [InlineData("It was required that the Municipal Finance Bureau release the funds in the third quarter.")]
    [InlineData("It is required to report progress to the supervision office every month.")]
    [InlineData("Strive to finish the sewage network before the end of 2022.")]
    [InlineData("Ensure that every batch of imported food is traceable.")]
    [InlineData("Speed up the relocation of industrial enterprises in the central city.")]
    [InlineData("The Municipal Science and Technology Bureau is responsible for the fund.")]
    [InlineData("The meeting asked the Municipal Development and Reform Commission to report by 30 September.")]
    [InlineData("He hoped that relevant departments would study the suggestions carefully.")]
    [InlineData("Units must not ask villages to fill in the same form twice.")]
    [InlineData("No department may ask applicants for documents the government itself has issued.")]
    [InlineData("Do not allow rectified problems to come back.")]
    [InlineData("Let us work hard to make a good start.")]
    [InlineData("Dalian and Liaoning Port Group were encouraged to open new sea-rail routes.")]
    [InlineData("The audit bureau will check the rectification next year.")]
    [InlineData("Responsibility for clearing the drains lies with the district city management bureau.")]
    [InlineData("Zhang Guoqing said that all kinds of park construction should have themes and souls.")]
    public void EnglishDirectives_AreFound(string sentence) => Assert.True(Extraction.IsDirective(sentence), sentence);

    [Theory]
    [InlineData("The meeting was attended by the heads of 21 departments.")]
    [InlineData("Responsible comrades of relevant departments attended the meeting.")]
    [InlineData("We have completed the renovation of 390 old residential compounds.")]
    [InlineData("Is the budget for the second batch of sewage works sufficient?")]
    [InlineData("There is no need to set up a new headquarters.")]
    [InlineData("The meeting did not require districts to submit new statistics.")]
    [InlineData("In 2019 the ratio of R&D spending to GDP was 2.85%.")]
    [InlineData("Dalian has won the title of National Civilized City six times.")]
    [InlineData("The Fifth Plenary Session of the 19th CPC Central Committee stressed the need to deepen reform.")]
    [InlineData("Another participant suggested that the city should set up a fund for pilot production lines.")]
    [InlineData("The sand mining should have been stopped in 2019.")]
    [InlineData("Last year inspectors issued 2,400 rectification notices.")]
    [InlineData("He asked how long the robot took to develop.")]
    [InlineData("The meeting reviewed and adopted the implementation plan in principle.")]
    [InlineData("But we must also see the gaps.")]
    [InlineData("Some departments still ask for certificates that others have issued.")]
    [InlineData("Report on the Work of the Government")]
    [InlineData("II. Main tasks for 2021")]
    public void EnglishNarrative_IsLeftOut(string sentence) => Assert.False(Extraction.IsDirective(sentence), sentence);

    [Theory]
    [InlineData("各区市县要在6月底前完成排查。")]
    [InlineData("必须确保安全生产。")]
    [InlineData("请各单位务必按时报送。")]
    [InlineData("市发改委牵头，有关部门配合。")]
    [InlineData("抓紧修复受损堤防。")]
    [InlineData("加快推进英歌石科学城建设。")]
    [InlineData("力争年底前完成。")]
    [InlineData("严禁以会议落实会议。")]
    [InlineData("会议要求，市财政局于9月30日前拨付资金。")]
    [InlineData("由市政府督查室约谈逾期单位负责人。")]
    [InlineData("各牵头单位确定一名联络员，于4月30日前报市政府督查室。")]
    [InlineData("市审计局将于明年一季度对整改情况进行核查。")]
    [InlineData("他希望有关部门认真梳理意见建议。")]
    [InlineData("今年不出台任何新的涉企收费项目。")]
    [InlineData("拒不执行整改通知的企业一律停产整顿。")]
    [InlineData("应当进一步简化审批程序。")]
    [InlineData("坚决防止已整改问题反弹回潮。")]
    public void ChineseDirectives_AreFound(string sentence) => Assert.True(Extraction.IsDirective(sentence), sentence);

    [Theory]
    [InlineData("市发改委负责同志出席会议。")]
    [InlineData("有关部门负责同志列席会议。")]
    [InlineData("去年全市完成投资416亿元，同比增长8.2%。")]
    [InlineData("储能用电要不要由市里补贴？")]
    [InlineData("无需另行成立工作专班。")]
    [InlineData("会议审议并原则通过了实施方案。")]
    [InlineData("一、总体要求")]
    [InlineData("党的十九届五中全会强调，要深化改革。")]
    [InlineData("与会专家建议，市里应当设立专项基金。")]
    [InlineData("这是一项重要工作。")]
    [InlineData("某县海岸非法采砂问题本应在2019年整治到位。")]
    [InlineData("一些部门仍然要求群众提供其他部门已经出具的证明。")]
    [InlineData("整改不是一阵风。")]
    [InlineData("会议听取了市发展改革委的汇报。")]
    [InlineData("截至4月底，全市300个重点项目已开工212个。")]
    [InlineData("但是也要看到差距。")]
    [InlineData("某县同一家企业一周内被5个部门分别检查。")]
    public void ChineseNarrative_IsLeftOut(string sentence) => Assert.False(Extraction.IsDirective(sentence), sentence);

    [Fact]
    public void ChineseEnumeration_GivesOneDirectivePerItem_AndNotTheLeadIn()
    {
        var text = "会议要求：一是加快项目建设；二是强化资金保障；三是严格督查考核。";

        var directives = Extraction.Extract(text).Directives;

        Assert.Equal(["一是加快项目建设；", "二是强化资金保障；", "三是严格督查考核。"], directives.Select(d => d.Text).ToArray());
    }

    [Fact]
    public void ItemsUnderARequirementsLeadIn_AreDirectives_UnlessTheyReportThePast()
    {
        var text = "需跟踪落实的事项：\n1. 7月15日前完成闲置校舍摸底调查\n2. 与供电公司商定线缆迁移时间表\n3. 其他事项会议已知悉";

        var directives = Extraction.Extract(text).Directives.Select(d => d.Text).ToArray();

        Assert.Equal(["1. 7月15日前完成闲置校舍摸底调查", "2. 与供电公司商定线缆迁移时间表"], directives);
    }

    [Fact]
    public void ReviewSection_IsNarrative_TasksSectionWithTheSameVerbs_IsNot()
    {
        var text = "一、2020年工作回顾\n\n新建中小学8所，新增学位1.5万个。\n\n二、2021年主要任务\n\n新建中小学10所，新增学位2万个。";

        var directives = Extraction.Extract(text).Directives;

        Assert.Equal("新建中小学10所，新增学位2万个。", Assert.Single(directives).Text);
    }

    [Fact]
    public void ParagraphOpeningInThePast_VetoesBareVerbs_ButNotDuties()
    {
        var text = "近年来，我市深入实施蓝天保卫战。持续推进污水治理。今后要加快补齐短板。";

        var directives = Extraction.Extract(text).Directives;

        Assert.Equal("今后要加快补齐短板。", Assert.Single(directives).Text);
    }

    [Fact]
    public void SectionHeadingWrittenAsASentence_IsNotADirective()
    {
        var body = "The plan sets out the main tasks. We will deepen reform of state enterprises. We will cut approval times. "
            + "We will publish every committed time limit. The results will be reviewed every year by the supervision office.";
        var text = $"Title of the article\n\nOpening paragraph with some context about the city and its economy over many years.\n\n"
            + $"Deepen reform and build a better business environment.\n\n{body}\n\nClosing paragraph of the article, thanking everyone.";

        var directives = Extraction.Extract(text).Directives.Select(d => d.Text).ToList();

        Assert.DoesNotContain("Deepen reform and build a better business environment.", directives);
        Assert.Contains("We will deepen reform of state enterprises.", directives);
    }
}
