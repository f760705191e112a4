namespace Followthrough.Ratings;

/// <summary>The English words for the module's values; the pages translate them through RatingsText.</summary>
internal static class RatingLabels
{
    public static string Of(RatingGrade grade) => grade switch
    {
        RatingGrade.VerySatisfied => "Very satisfied",
        RatingGrade.Satisfied => "Satisfied",
        RatingGrade.BasicallySatisfied => "Basically satisfied",
        RatingGrade.Dissatisfied => "Dissatisfied",
        _ => "Very dissatisfied",
    };
}
