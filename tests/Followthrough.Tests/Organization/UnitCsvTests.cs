using Followthrough.Organization;
using Followthrough.Organization.Import;

namespace Followthrough.Tests.Organization;

public sealed class UnitCsvTests
{
    private static readonly UnitSnapshot[] Units =
    [
        new("DL-GOV", "大连市人民政府", "Dalian Municipal People's Government", UnitKind.Government, null, "市政府\nmunicipal government", true),
        new("DICP", "中国科学院大连化学物理研究所", "Dalian Institute of Chemical Physics, CAS", UnitKind.Institute, null, "化物所", true),
        new("Q-1", "引号\"单位\"", "A \"quoted\", comma name", UnitKind.Other, "DL-GOV", "", false),
        new("LEAD-SPACE", "单位", " leading space kept? no: trimmed", UnitKind.Zone, "DL-GOV", "a|b", true),
    ];

    private static string Write(IEnumerable<UnitSnapshot> units)
    {
        using var writer = new StringWriter();
        UnitCsv.Write(writer, units);
        return writer.ToString();
    }

    [Fact]
    public void Write_HasTheHeaderAndQuotesOnlyWhatNeedsIt()
    {
        var text = Write(Units);
        var lines = text.Split("\r\n");
        Assert.Equal("code,name_zh,name_en,kind,parent_code,aliases,active", lines[0]);
        Assert.Equal("DL-GOV,大连市人民政府,Dalian Municipal People's Government,Government,,市政府|municipal government,true", lines[1]);
        Assert.Equal("Q-1,\"引号\"\"单位\"\"\",\"A \"\"quoted\"\", comma name\",Other,DL-GOV,,false", lines[3]);
    }

    [Fact]
    public void ExportImportExport_IsIdentical_AndChangesNothing()
    {
        var normalized = Units.Select(u => u with { NameEn = u.NameEn.Trim(), Aliases = Unit.JoinAliases([u.Aliases]) }).ToArray();
        var first = Write(normalized);
        var file = UnitCsv.Read(new StringReader(first));
        Assert.Empty(file.Problems);
        var plan = UnitImportCheck.Check(file.Rows, normalized);
        Assert.True(plan.IsValid);
        Assert.All(plan.Units, u => Assert.Equal(ImportChange.Unchanged, u.Change));
        Assert.Equal(first, Write(plan.Units.Select(u => u.Unit)));
    }

    [Fact]
    public void Read_AcceptsColumnsInAnyOrderAndCase_WithOptionalColumnsLeftOut()
    {
        var file = UnitCsv.Read(new StringReader("\uFEFFKind,Name_EN,name_zh,CODE\nBureau,A bureau,某局,ab\n"));
        Assert.Empty(file.Problems);
        var row = Assert.Single(file.Rows);
        Assert.Equal((2, "ab", "某局", "A bureau", "Bureau", "", ""), (row.Row, row.Code, row.NameZh, row.NameEn, row.Kind, row.ParentCode, row.Active));
    }

    [Fact]
    public void Read_ReportsHeaderProblems()
    {
        var problems = UnitCsv.Read(new StringReader("code,name_zh,colour,code\n")).Problems;
        Assert.Contains(problems, p => p.Column == "colour" && p.Message.StartsWith("unknown column", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == "code" && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == "name_en" && p.Message.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Column == "kind" && p.Message.Contains("missing", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal(1, p.Row));
    }

    [Fact]
    public void Read_EmptyFile_IsAProblem() =>
        Assert.Single(UnitCsv.Read(new StringReader(string.Empty)).Problems);

    [Fact]
    public void Read_ReportsShortRowsAndBadQuotes_ByRow()
    {
        var file = UnitCsv.Read(new StringReader("code,name_zh,name_en,kind\nAB,甲,A,Bureau\nCD,乙\nEF,\"丙,C,Bureau\n"));
        Assert.Single(file.Rows);
        Assert.Contains(file.Problems, p => p.Row == 3 && p.Message.Contains("2 fields", StringComparison.Ordinal));
        Assert.Contains(file.Problems, p => p.Row == 4 && p.Message.Contains("quot", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("maybe", null)]
    public void Active_Values(string text, bool? active) => Assert.Equal(active, UnitCsv.ParseActive(text));
}
