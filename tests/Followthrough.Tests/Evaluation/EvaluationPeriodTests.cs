using Followthrough.Evaluation;

namespace Followthrough.Tests.Evaluation;

public sealed class EvaluationPeriodTests
{
    [Theory]
    [InlineData("2026Q3", "2026-07-01", "2026-09-30", "2026Q3")]
    [InlineData(" 2026-q1 ", "2026-01-01", "2026-03-31", "2026Q1")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2026-7", "2026-07-01", "2026-07-31", "2026-07")]
    [InlineData("2025", "2025-01-01", "2025-12-31", "2025")]
    [InlineData("2026-01-15..2026-02-10", "2026-01-15", "2026-02-10", "2026-01-15..2026-02-10")]
    [InlineData("2026-01-15/2026-02-10", "2026-01-15", "2026-02-10", "2026-01-15..2026-02-10")]
    public void Parse_KnownForms_GiveTheRangeAndCanonicalKey(string text, string from, string to, string key)
    {
        Assert.True(EvaluationPeriod.TryParse(text, out var period, out var error), error);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
        Assert.Equal(key, period.Key);
    }

    [Theory]
    [InlineData("", "Give the period")]
    [InlineData("2026Q5", "quarter is 1 to 4")]
    [InlineData("2026-13", "month is 01 to 12")]
    [InlineData("1999", "2000 to 2099")]
    [InlineData("2026-02-30..2026-03-01", "does not exist")]
    [InlineData("2026-03-01..2026-02-01", "run forwards")]
    [InlineData("last quarter", "is not a period")]
    public void Parse_BadText_FailsWithASentence(string text, string expected)
    {
        Assert.False(EvaluationPeriod.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuarterOf_AndPreviousQuarter_CrossTheYear()
    {
        var q1 = EvaluationPeriod.QuarterOf(new DateOnly(2026, 2, 17));
        Assert.Equal("2026Q1", q1.Key);
        Assert.Equal("2025Q4", q1.PreviousQuarter().Key);
        Assert.Equal(new DateOnly(2025, 12, 31), q1.PreviousQuarter().To);
    }
}
