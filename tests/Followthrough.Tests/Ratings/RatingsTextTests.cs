using System.Globalization;
using System.Resources;
using Followthrough.Ratings;
using Followthrough.Ratings.Pages;
using Followthrough.Ratings.Rating;

namespace Followthrough.Tests.Ratings;

/// <summary>The rating pages translate the grades, states, channels, reasons and the rules' fixed messages: each needs its Chinese text.</summary>
public sealed class RatingsTextTests
{
    public static TheoryData<string> Texts()
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal)
        {
            ServiceRatings.GradeRequired,
            "The application is not decided yet: it can be rated once it is.",
            "This application has already been rated; each is rated once.",
            "The comment must be at most 500 characters.",
            "Choose satisfied, basically satisfied or dissatisfied.",
            "The unit has not replied yet: the rectification is graded after its reply.",
            "What the unit found is required.",
            "What was rectified is required.",
            "The reply to the rater is required.",
            "What the rater said is required.",
            "Say whether the callback reached the rater.",
        };
        seen.UnionWith(RatingReasons.All.Select(r => r.Label));
        seen.UnionWith(Enum.GetValues<RectificationState>().Select(RatingLabels.Of));
        seen.UnionWith(Enum.GetValues<RatingChannel>().Select(RatingLabels.Of));
        var data = new TheoryData<string>();
        foreach (var text in seen)
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EveryLabelAndRuleMessage_HasAChineseTranslation(string english)
    {
        var resources = new ResourceManager("Followthrough.Ratings.RatingsText", typeof(RatingsText).Assembly);
        var chinese = resources.GetString(english, CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"No zh-Hans text for: {english}");
        Assert.NotEqual(english, chinese);
    }

    [Fact]
    public void EveryGrade_IsNamedInBothLanguages_AndOnlyTheTwoDissatisfiedAreBad()
    {
        Assert.All(Enum.GetValues<RatingGrade>(), g => Assert.False(string.IsNullOrWhiteSpace(RatingLabels.Of(g).Zh)));
        Assert.Equal([RatingGrade.Dissatisfied, RatingGrade.VeryDissatisfied], Enum.GetValues<RatingGrade>().Where(RatingGrades.IsBad));
    }
}
