using Followthrough.Organization;
using Followthrough.Organization.Import;

namespace Followthrough.Tests.Organization;

public sealed class UnitImportCheckTests
{
    private static readonly UnitSnapshot[] Existing =
    [
        new("CITY", "市政府", "City government", UnitKind.Government, null, "", true),
        new("BUREAU", "某局", "A bureau", UnitKind.Bureau, "CITY", "局", true),
        new("OLD", "旧单位", "An old unit", UnitKind.Other, null, "", false),
    ];

    private static int _row;

    private static UnitCsvRow Row(string code, string parent = "", string kind = "Bureau", string active = "", string nameZh = "单位", string nameEn = "Unit", string aliases = "") =>
        new(++_row + 1, code, nameZh, nameEn, kind, parent, aliases, active);

    private static ImportPlan Check(params UnitCsvRow[] rows) => UnitImportCheck.Check(rows, Existing);

    private static ImportProblem Single(ImportPlan plan)
    {
        Assert.False(plan.IsValid);
        return Assert.Single(plan.Problems);
    }

    [Fact]
    public void ValidFile_ParentsAfterChildren_PlansCreatesUpdatesAndUnchanged()
    {
        var plan = Check(
            Row("NEW-CHILD", parent: "NEW-PARENT"),
            Row("NEW-PARENT", parent: "city"),
            Row("BUREAU", parent: "CITY", nameZh: "某局", nameEn: "A bureau renamed", aliases: "局"),
            Row("CITY", kind: "Government", nameZh: "市政府", nameEn: "City government"));
        Assert.True(plan.IsValid);
        Assert.Equal(
            [("NEW-CHILD", ImportChange.Create), ("NEW-PARENT", ImportChange.Create), ("BUREAU", ImportChange.Update), ("CITY", ImportChange.Unchanged)],
            plan.Units.Select(u => (u.Unit.Code, u.Change)));
        Assert.Equal("CITY", plan.Units[1].Unit.ParentCode);
    }

    [Fact]
    public void RowFields_EachProblemNamesItsColumn()
    {
        var row = Row("x", kind: "Ministry", active: "maybe", nameZh: "", nameEn: " ", aliases: new string('a', 101));
        var plan = Check(row);
        Assert.Equal(
            [UnitCsv.Active, UnitCsv.Aliases, UnitCsv.Code, UnitCsv.Kind, UnitCsv.NameEn, UnitCsv.NameZh],
            plan.Problems.Select(p => p.Column!).Order(StringComparer.Ordinal));
        Assert.All(plan.Problems, p => Assert.Equal(row.Row, p.Row));
        Assert.Empty(plan.Units);
    }

    [Fact]
    public void MissingCode_IsReported() =>
        Assert.Equal((UnitCsv.Code, OrganizationMessages.CodeRequired), (Single(Check(Row(""))).Column, Single(Check(Row(""))).Message));

    [Fact]
    public void DuplicateCodeInFile_IsReportedOnTheLaterRow_IgnoringCase()
    {
        var first = Row("DUP");
        var second = Row("dup");
        var problem = Single(Check(first, second));
        Assert.Equal((second.Row, UnitCsv.Code), (problem.Row, problem.Column));
        Assert.Contains($"first on row {first.Row}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownParentCode_IsReported_EvenOnARowWithOtherProblems()
    {
        var problem = Single(Check(Row("ORPHAN", parent: "NOWHERE")));
        Assert.Equal(UnitCsv.ParentCode, problem.Column);
        Assert.Contains("NOWHERE", problem.Message, StringComparison.Ordinal);

        var plan = Check(Row("BROKEN", parent: "NOWHERE", kind: "Ministry"));
        Assert.Equal([UnitCsv.Kind, UnitCsv.ParentCode], plan.Problems.Select(p => p.Column!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InvalidParentCode_IsReported() =>
        Assert.Equal(UnitCsv.ParentCode, Single(Check(Row("CHILD", parent: "no such code!"))).Column);

    [Fact]
    public void Cycle_WithinTheFile_IsReportedOnEachRowOfIt()
    {
        var a = Row("CYC-A", parent: "CYC-B");
        var b = Row("CYC-B", parent: "CYC-A");
        var plan = Check(a, b);
        Assert.Equal([a.Row, b.Row], plan.Problems.Select(p => p.Row));
        Assert.All(plan.Problems, p => Assert.Equal(UnitCsv.ParentCode, p.Column));
        Assert.Contains("CYC-A → CYC-B → CYC-A", plan.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_ThroughTheDatabase_IsReported()
    {
        // CITY is BUREAU's parent in the database; the file puts CITY under BUREAU.
        var problem = Single(Check(Row("CITY", parent: "BUREAU", kind: "Government")));
        Assert.Contains("CITY → BUREAU → CITY", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitAsItsOwnParent_IsACycle() =>
        Assert.Contains("circle", Single(Check(Row("SELF", parent: "SELF"))).Message, StringComparison.Ordinal);

    [Fact]
    public void ActiveUnit_UnderInactiveParent_IsReported_FromFileOrDatabase()
    {
        Assert.Equal(UnitCsv.Active, Single(Check(Row("UNDER-OLD", parent: "OLD"))).Column);
        var parent = Row("GOING", active: "false");
        var child = Row("STAYING", parent: "GOING");
        // Either row may be the mistake, so both are named.
        Assert.Equal([parent.Row, child.Row], Check(parent, child).Problems.Select(p => p.Row));
        Assert.True(Check(parent, Row("ALSO-GOING", parent: "GOING", active: "no")).IsValid);
    }

    [Fact]
    public void DeactivatingAUnit_WithActiveSubUnitsInTheDatabase_IsReported()
    {
        var problem = Single(Check(Row("CITY", kind: "Government", active: "false", nameZh: "市政府", nameEn: "City government")));
        Assert.Equal(UnitCsv.Active, problem.Column);
        Assert.Contains("BUREAU", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_AreAllListed_InRowOrder()
    {
        var plan = Check(Row("GOOD"), Row("x"), Row("ORPHAN", parent: "NOWHERE"), Row("GOOD"));
        Assert.Equal(3, plan.Problems.Count);
        Assert.Equal(plan.Problems.Select(p => p.Row).Order(), plan.Problems.Select(p => p.Row));
    }
}
