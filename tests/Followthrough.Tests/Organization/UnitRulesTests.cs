using Followthrough.Organization;

namespace Followthrough.Tests.Organization;

public sealed class UnitRulesTests
{
    private static UnitInput Valid(string code = "DL-DRC") => new(code, "大连市发展和改革委员会", "Dalian DRC", "Bureau");

    [Theory]
    [InlineData("dl-drc", "DL-DRC")]
    [InlineData("  ab ", "AB")]
    [InlineData("A1-B2-C3", "A1-B2-C3")]
    public void Code_IsTrimmedAndUpperCased(string given, string stored)
    {
        var (values, errors) = UnitRules.Check(Valid(given));
        Assert.True(errors.IsEmpty);
        Assert.Equal(stored, values!.Code);
    }

    [Theory]
    [InlineData("A")] // too short
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33 characters
    [InlineData("DL_DRC")]
    [InlineData("DL DRC")]
    [InlineData("发改委")]
    [InlineData("ÄB")]
    public void Code_OutsideTheRule_IsAFieldError(string code)
    {
        var (values, errors) = UnitRules.Check(Valid(code));
        Assert.Null(values);
        Assert.Equal([OrganizationMessages.CodeFormat], errors.ToDictionary()["code"]);
    }

    [Fact]
    public void Code_Of32Characters_IsAccepted() =>
        Assert.True(UnitRules.Check(Valid(new string('A', 32))).Errors.IsEmpty);

    [Fact]
    public void MissingFields_EachGetTheirOwnMessage()
    {
        var errors = UnitRules.Check(new UnitInput(null, " ", null, null)).Errors.ToDictionary();
        Assert.Equal([OrganizationMessages.CodeRequired], errors["code"]);
        Assert.Equal([OrganizationMessages.NameZhRequired], errors["nameZh"]);
        Assert.Equal([OrganizationMessages.NameEnRequired], errors["nameEn"]);
        Assert.Equal([OrganizationMessages.KindRequired], errors["kind"]);
    }

    [Fact]
    public void Names_LongerThan200_AreRefused_200IsFine()
    {
        Assert.True(UnitRules.Check(Valid() with { NameZh = new string('局', 200), NameEn = new string('e', 200) }).Errors.IsEmpty);
        var errors = UnitRules.Check(Valid() with { NameZh = new string('局', 201), NameEn = new string('e', 201) }).Errors.ToDictionary();
        Assert.Equal([OrganizationMessages.NameZhTooLong], errors["nameZh"]);
        Assert.Equal([OrganizationMessages.NameEnTooLong], errors["nameEn"]);
    }

    [Theory]
    [InlineData("bureau", UnitKind.Bureau)]
    [InlineData(" StateOwnedEnterprise ", UnitKind.StateOwnedEnterprise)]
    public void Kind_IsReadByNameIgnoringCase(string kind, UnitKind expected) =>
        Assert.Equal(expected, UnitRules.Check(Valid() with { Kind = kind }).Values!.Kind);

    [Theory]
    [InlineData("Ministry")]
    [InlineData("1")] // a number would hide a typo
    [InlineData("State-owned enterprise")]
    public void Kind_Unknown_IsAFieldError(string kind) =>
        Assert.Equal([OrganizationMessages.KindUnknown], UnitRules.Check(Valid() with { Kind = kind }).Errors.ToDictionary()["kind"]);

    [Fact]
    public void Aliases_AreTrimmedSplitAndDeduplicated_IgnoringCase()
    {
        var values = UnitRules.Check(Valid() with { Aliases = [" 市发改委 ", "DRC", "drc", "", "甲\n乙|丙", "市发改委"] }).Values!;
        Assert.Equal("市发改委\nDRC\n甲\n乙\n丙", values.Aliases);
    }

    [Fact]
    public void Aliases_TooLongOrTooMany_AreFieldErrors()
    {
        Assert.True(UnitRules.Check(Valid() with { Aliases = [new string('a', 100)] }).Errors.IsEmpty);
        Assert.Equal([OrganizationMessages.AliasTooLong], UnitRules.Check(Valid() with { Aliases = [new string('a', 101)] }).Errors.ToDictionary()["aliases"]);
        var many = Enumerable.Range(0, 51).Select(i => $"alias {i}").ToList();
        Assert.Equal([OrganizationMessages.TooManyAliases], UnitRules.Check(Valid() with { Aliases = many }).Errors.ToDictionary()["aliases"]);
        Assert.True(UnitRules.Check(Valid() with { Aliases = many[..50] }).Errors.IsEmpty);
    }

    private static readonly Dictionary<int, int> Tree = new() { [2] = 1, [3] = 2, [4] = 3, [5] = 1 };

    private static bool ParentOf(int unit, out int parent) => Tree.TryGetValue(unit, out parent);

    [Theory]
    [InlineData(1, 1, true)] // itself
    [InlineData(1, 4, true)] // its great-grandchild
    [InlineData(2, 3, true)] // its child
    [InlineData(4, 5, false)] // a cousin
    [InlineData(5, 4, false)]
    [InlineData(3, 1, false)] // up to the top
    public void Cycle_IsFound_WhenTheUnitIsOnTheWayUpFromTheNewParent(int unit, int parent, bool cycle) =>
        Assert.Equal(cycle, UnitRules.WouldCreateCycle(unit, parent, ParentOf));

    [Fact]
    public void Cycle_AnExistingLoopInTheData_EndsTheWalkAndRefuses()
    {
        var loop = new Dictionary<string, string> { ["A"] = "B", ["B"] = "A" };
        Assert.True(UnitRules.WouldCreateCycle("C", "A", (string u, out string p) => loop.TryGetValue(u, out p!)));
    }
}
