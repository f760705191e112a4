using System.Globalization;
using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

public sealed class DeadlineTextTests
{
    [Theory]
    [InlineData("2021年6月底前", "2021-06-30")]
    [InlineData("2021年6月底", "2021-06-30")]
    [InlineData("2021年6月", "2021-06-30")]
    [InlineData("2021年2月底前", "2021-02-28")]
    [InlineData("2024年2月底前", "2024-02-29")]
    [InlineData("2021年6月30日", "2021-06-30")]
    [InlineData("2021年6月30日前", "2021-06-30")]
    [InlineData("2021年6月30日前完成", "2021-06-30")]
    [InlineData("2021-06-30", "2021-06-30")]
    [InlineData("2021/6/30", "2021-06-30")]
    [InlineData("2021.6.30", "2021-06-30")]
    [InlineData("2021-06", "2021-06-30")]
    [InlineData("2021年底前", "2021-12-31")]
    [InlineData("2021年年底前", "2021-12-31")]
    [InlineData("2021年末", "2021-12-31")]
    [InlineData("2021年上半年", "2021-06-30")]
    [InlineData("2021年下半年", "2021-12-31")]
    [InlineData("2021年第三季度", "2021-09-30")]
    [InlineData("2021年3季度末", "2021-09-30")]
    [InlineData("2021年6月上旬", "2021-06-10")]
    [InlineData("2021年6月中旬", "2021-06-20")]
    [InlineData("2021年6月下旬", "2021-06-30")]
    [InlineData("44377", "2021-06-30")] // an Excel date cell
    public void Dates_AsDecompositionTablesWriteThem(string text, string expected)
    {
        var parsed = DeadlineText.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(DeadlineKind.Date, parsed.Kind);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), parsed.Date);
    }

    [Theory]
    [InlineData("20个工作日", 20)]
    [InlineData("20 个工作日内", 20)]
    [InlineData("5工作日", 5)]
    [InlineData("10 working days", 10)]
    public void WorkingDays_AreCountedAtAssignment(string text, int days)
    {
        var parsed = DeadlineText.Parse(text);
        Assert.Equal(new ParsedDeadline(DeadlineKind.WorkingDays, null, days), parsed);
    }

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("持续推进")]
    [InlineData("long-term")]
    public void LongTermWork_HasNoFixedDeadline(string text) =>
        Assert.Equal(new ParsedDeadline(DeadlineKind.None, null, null), DeadlineText.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("尽快")]
    [InlineData("2021年13月底前")]
    [InlineData("2021年2月30日")]
    [InlineData("2021-02-30")]
    [InlineData("0个工作日")]
    [InlineData("下个月")]
    [InlineData("2021年6月底前完成方案并报市政府")]
    public void NotADeadline_IsRefused(string text) => Assert.Null(DeadlineText.Parse(text));

    [Fact]
    public void Find_LocatesADateInsideATimeNode()
    {
        var found = DeadlineText.Find("完成方案制定（2021年5月底前）");
        Assert.NotNull(found);
        Assert.Equal(new DateOnly(2021, 5, 31), found.Value.Date);
        Assert.Equal("2021年5月底前", "完成方案制定（2021年5月底前）".Substring(found.Value.Index, found.Value.Length));
    }
}
