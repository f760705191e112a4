using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Followthrough.Calendar;

/// <summary>
/// Region codes: <c>CN</c> is the national calendar; a region extends its parent's code with one segment per level,
/// e.g. <c>CN-LN</c> (Liaoning) and <c>CN-LN-DL</c> (Dalian). A region's calendar is the national one, then each
/// ancestor's own days, then its own days, so a province's local day applies to its cities too.
/// </summary>
public static partial class CalendarRegions
{
    public const int MaxLength = 40;

    /// <summary>The code in canonical (upper-case) form; null or blank means national.</summary>
    public static bool TryNormalize(string? code, [NotNullWhen(true)] out string? normalized)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            normalized = WorkingCalendar.National;
            return true;
        }

        var upper = code.Trim().ToUpperInvariant();
        normalized = upper.Length <= MaxLength && Pattern().IsMatch(upper) ? upper : null;
        return normalized is not null;
    }

    /// <summary>The canonical code, or <see cref="ArgumentException"/> with the expected form.</summary>
    public static string Normalize(string? code) =>
        TryNormalize(code, out var normalized)
            ? normalized
            : throw new ArgumentException(Explanation, nameof(code));

    public const string Explanation = "A region code is CN followed by one to three parts of letters or digits, e.g. CN-LN-DL.";

    /// <summary>The layers below the national calendar, outermost first: CN-LN-DL → [CN-LN, CN-LN-DL].</summary>
    public static IReadOnlyList<string> Layers(string normalizedCode)
    {
        ArgumentNullException.ThrowIfNull(normalizedCode);
        var layers = new List<string>();
        for (var i = normalizedCode.IndexOf('-', StringComparison.Ordinal); i >= 0; i = normalizedCode.IndexOf('-', i + 1))
        {
            var next = normalizedCode.IndexOf('-', i + 1);
            layers.Add(next < 0 ? normalizedCode : normalizedCode[..next]);
        }

        return layers;
    }

    public static bool IsNational(string normalizedCode) => normalizedCode == WorkingCalendar.National;

    [GeneratedRegex("^CN(-[A-Z0-9]{1,10}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
