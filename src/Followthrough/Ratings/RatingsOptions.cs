namespace Followthrough.Ratings;

/// <summary>How citizen ratings are handled, configurable under <c>Followthrough:Ratings</c>.</summary>
public sealed class RatingsOptions
{
    public const string Section = "Followthrough:Ratings";

    /// <summary>Working days a unit has to rectify a bad rating, counted from the day it was given (local rules: 5 to 15).</summary>
    public int RectificationWorkingDays { get; set; } = 5;

    /// <summary>Working days after the day of a rating in which its unit may appeal it (申诉期).</summary>
    public int AppealWorkingDays { get; set; } = 5;
}
