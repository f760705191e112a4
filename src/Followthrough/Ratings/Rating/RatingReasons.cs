namespace Followthrough.Ratings;

/// <summary>
/// The standard list of reasons a rater may tick (after GB/T 39734-2020's evaluation items): what went well and what did
/// not. A rating stores the codes; the English label is the key of its translation.
/// </summary>
public static class RatingReasons
{
    /// <summary>Code → English label, in the order the rating page shows them.</summary>
    public static IReadOnlyList<(string Code, string Label, bool Good)> All { get; } =
    [
        ("fast", "Handled quickly", true),
        ("helpful", "Staff were helpful and polite", true),
        ("clear-guide", "The guide was clear", true),
        ("one-visit", "Done in one visit or fully online", true),
        ("slow", "It took too long", false),
        ("many-visits", "I had to come more than once", false),
        ("materials", "Too many or repeated materials were asked for", false),
        ("attitude", "Staff were unhelpful or impolite", false),
        ("unclear-guide", "The guide was unclear or wrong", false),
        ("system", "The online system was hard to use", false),
        ("other", "Something else (please say in the comment)", false),
    ];

    private static readonly HashSet<string> Codes = [.. All.Select(r => r.Code)];

    public static bool IsKnown(string code) => Codes.Contains(code);

    /// <summary>The English label of a code, or the code itself when unknown.</summary>
    public static string LabelOf(string code) => All.FirstOrDefault(r => r.Code == code).Label ?? code;
}
