using System.Text.Json.Serialization;

namespace Followthrough.Ratings;

/// <summary>The five grades of GB/T 39734-2020; the last two are bad ratings (差评).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingGrade>))]
public enum RatingGrade
{
    /// <summary>非常满意.</summary>
    VerySatisfied,

    /// <summary>满意.</summary>
    Satisfied,

    /// <summary>基本满意.</summary>
    BasicallySatisfied,

    /// <summary>不满意 (a bad rating).</summary>
    Dissatisfied,

    /// <summary>非常不满意 (a bad rating).</summary>
    VeryDissatisfied,
}

/// <summary>Where the rating was given.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingChannel>))]
public enum RatingChannel
{
    /// <summary>On the website, by the applicant.</summary>
    Online,

    /// <summary>On the window's counter tablet: the window officer opens the page, the applicant presses the grade.</summary>
    Window,

    /// <summary>On a phone, by the applicant.</summary>
    Mobile,

    /// <summary>Recorded by the hotline (12345) staff of the supervision office for the applicant.</summary>
    Hotline,
}

/// <summary>Whether a rating's comment may be shown to the public: never until reviewed Public.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommentReview>))]
public enum CommentReview
{
    NotReviewed,
    Public,
    Withheld,
}

/// <summary>The rater's grade of a rectification (对整改的评价).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FixGrade>))]
public enum FixGrade
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>Where a rectification case (差评整改) stands: opened, verified (核实), rectified with a reply to the rater,
/// called back (回访).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RectificationState>))]
public enum RectificationState
{
    Opened,
    Verified,
    Rectified,
    CalledBack,
}

/// <summary>The grades and their meaning.</summary>
public static class RatingGrades
{
    /// <summary>不满意 and 非常不满意: each opens a rectification case.</summary>
    public static bool IsBad(RatingGrade grade) => grade is RatingGrade.Dissatisfied or RatingGrade.VeryDissatisfied;
}
