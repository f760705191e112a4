using Followthrough.Plans;

namespace Followthrough.Tests.Plans;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2023", ReportingFrequency.Yearly, "2023")]
    [InlineData("2023年", ReportingFrequency.Yearly, "2023")]
    [InlineData("2023-Q2", ReportingFrequency.Quarterly, "2023-Q2")]
    [InlineData("2023q4", ReportingFrequency.Quarterly, "2023-Q4")]
    [InlineData("2023年第3季度", ReportingFrequency.Quarterly, "2023-Q3")]
    [InlineData("2023-5", ReportingFrequency.Monthly, "2023-05")]
    [InlineData("2023年11月", ReportingFrequency.Monthly, "2023-11")]
    public void TryParse_AcceptedForms_ReadAsTheCanonicalPeriod(string text, ReportingFrequency frequency, string expected)
    {
        Assert.True(ReportingPeriod.TryParse(text, frequency, out var period, out var problem), problem);
        Assert.Equal(expected, period.ToString());
    }

    [Theory]
    [InlineData("2023-Q2", ReportingFrequency.Yearly)]
    [InlineData("2023", ReportingFrequency.Quarterly)]
    [InlineData("2023-Q5", ReportingFrequency.Quarterly)]
    [InlineData("2023-13", ReportingFrequency.Monthly)]
    [InlineData("twenty", ReportingFrequency.Yearly)]
    public void TryParse_FormThatDoesNotFitTheFrequency_IsRefusedWithAReason(string text, ReportingFrequency frequency)
    {
        Assert.False(ReportingPeriod.TryParse(text, frequency, out _, out var problem));
        Assert.Contains("reported", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DueDates_FollowTheGracePeriodOfEachFrequency()
    {
        Assert.Equal(new DateOnly(2024, 3, 31), new ReportingPeriod(ReportingFrequency.Yearly, 2023).DueDate);
        Assert.Equal(new DateOnly(2024, 1, 31), new ReportingPeriod(ReportingFrequency.Quarterly, 2023, 4).DueDate);
        Assert.Equal(new DateOnly(2023, 3, 15), new ReportingPeriod(ReportingFrequency.Monthly, 2023, 2).DueDate);
    }

    [Fact]
    public void Navigation_CrossesYearEnds()
    {
        var q4 = new ReportingPeriod(ReportingFrequency.Quarterly, 2023, 4);
        Assert.Equal(new ReportingPeriod(ReportingFrequency.Quarterly, 2024, 1), q4.Next());
        Assert.Equal(q4, q4.Next().Previous());
        Assert.Equal(20, ReportingPeriod.Span(ReportingFrequency.Quarterly, 2021, 2025).Count());
        Assert.Equal(2022.5m, new ReportingPeriod(ReportingFrequency.Quarterly, 2023, 2).TimeInYears);
    }
}
