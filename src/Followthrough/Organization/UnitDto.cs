using System.Globalization;

namespace Followthrough.Organization;

/// <summary>A unit as the API and the lists show it: aliases as a list, the parent by id and code.</summary>
public sealed record UnitDto(
    int Id,
    string Code,
    string NameZh,
    string NameEn,
    string Kind,
    int? ParentId,
    string? ParentCode,
    IReadOnlyList<string> Aliases,
    bool IsActive,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    internal static UnitDto From(Unit unit, string? parentCode)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new UnitDto(unit.Id, unit.Code, unit.NameZh, unit.NameEn, unit.Kind.ToString(), unit.ParentId, parentCode,
            unit.AliasList, unit.IsActive, unit.Version, unit.CreatedAt, unit.UpdatedAt);
    }

    /// <summary>The name in the reader's language, like <see cref="Unit.DisplayName"/>.</summary>
    public string DisplayName(CultureInfo culture) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" ? NameZh : NameEn;
}

/// <summary>What a unit list is narrowed to; every part is optional. Q matches part of the code, either name or an alias, ignoring case.</summary>
internal sealed record UnitFilter(string? Q = null, UnitKind? Kind = null, int? ParentId = null, bool? Active = null);
