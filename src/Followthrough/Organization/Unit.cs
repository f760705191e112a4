using Followthrough.Storage;

namespace Followthrough.Organization;

/// <summary>
/// A body that can lead or co-operate on work (单位): a bureau, a district, a zone, a state-owned enterprise,
/// a university, an institute or an enterprise. Units form a hierarchy through <see cref="ParentId"/>.
/// </summary>
internal sealed class Unit : IVersioned, ITimestamped
{
    public int Id { get; set; }

    /// <summary>Short stable code, upper case, used in imports and by the directive extractor (e.g. <c>DL-DRC</c>).</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    /// <summary>Other names the unit goes by, in either language, one per line (e.g. 市发改委, DRC).</summary>
    public string Aliases { get; set; } = string.Empty;

    public bool IsActive { get; set; } = true;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> AliasList => SplitAliases(Aliases);

    public static IReadOnlyList<string> SplitAliases(string? aliases) =>
        (aliases ?? string.Empty).Split(['\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    public static string JoinAliases(IEnumerable<string>? aliases) =>
        string.Join('\n', SplitAliases(string.Join('\n', aliases ?? [])));

    /// <summary>The name in the reader's language: Chinese for zh cultures, English otherwise.</summary>
    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}
