using Followthrough.Web;

namespace Followthrough.Organization;

/// <summary>
/// What a unit sent by a form, the API or an import file asks for, before it is checked. The parent is given by id
/// or by code (when both are given they must name the same unit). Aliases are other names, one per entry; an entry
/// may also hold several, one per line or separated by '|'.
/// </summary>
internal sealed record UnitInput(
    string? Code,
    string? NameZh,
    string? NameEn,
    string? Kind,
    int? ParentId = null,
    string? ParentCode = null,
    IReadOnlyList<string>? Aliases = null);

/// <summary>The checked, normalized fields of a unit that do not depend on other records.</summary>
internal sealed record UnitValues(string Code, string NameZh, string NameEn, UnitKind Kind, string Aliases);

/// <summary>Looks up the parent of a unit; false when it has none (or is unknown), and then the out value means nothing.</summary>
public delegate bool ParentLookup<T>(T unit, out T parent);

/// <summary>
/// The rules a unit must satisfy on its own: a short upper-case code, both names, a known kind, tidy aliases; and
/// the hierarchy rule that a unit is never its own ancestor. Field names in the errors are the API's (camelCase).
/// </summary>
internal static class UnitRules
{
    public const int MinCodeLength = 2;
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 200;
    public const int MaxAliasLength = 100;
    public const int MaxAliases = 50;

    /// <summary>Codes are compared and stored in upper case, without surrounding spaces.</summary>
    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>2 to 32 characters, each an ASCII upper-case letter, a digit or a hyphen (after normalizing).</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: >= MinCodeLength and <= MaxCodeLength }
        && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>The kind by its name, ignoring case; numbers are not accepted (they would hide typos).</summary>
    public static UnitKind? ParseKind(string? text) => ParseName<UnitKind>(text);

    /// <summary>Splits, trims and de-duplicates aliases (ignoring case) into the stored one-per-line form.</summary>
    public static string NormalizeAliases(IEnumerable<string>? aliases) => Unit.JoinAliases(aliases);

    public static (UnitValues? Values, ValidationErrors Errors) Check(UnitInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var code = NormalizeCode(input.Code);
        if (code.Length == 0)
        {
            errors.Add("code", OrganizationMessages.CodeRequired);
        }
        else if (!IsValidCode(code))
        {
            errors.Add("code", OrganizationMessages.CodeFormat);
        }

        var nameZh = CheckName(input.NameZh, "nameZh", OrganizationMessages.NameZhRequired, OrganizationMessages.NameZhTooLong, errors);
        var nameEn = CheckName(input.NameEn, "nameEn", OrganizationMessages.NameEnRequired, OrganizationMessages.NameEnTooLong, errors);

        var kind = ParseKind(input.Kind);
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", OrganizationMessages.KindRequired);
        }
        else if (kind is null)
        {
            errors.Add("kind", OrganizationMessages.KindUnknown);
        }

        var aliases = NormalizeAliases(input.Aliases);
        var list = Unit.SplitAliases(aliases);
        if (list.Any(a => a.Length > MaxAliasLength))
        {
            errors.Add("aliases", OrganizationMessages.AliasTooLong);
        }

        if (list.Count > MaxAliases)
        {
            errors.Add("aliases", OrganizationMessages.TooManyAliases);
        }

        return errors.IsEmpty
            ? (new UnitValues(code, nameZh, nameEn, kind!.Value, aliases), errors)
            : (null, errors);
    }

    /// <summary>
    /// True when putting <paramref name="unit"/> under <paramref name="proposedParent"/> would make the unit its own
    /// ancestor: the parent is the unit itself, or the unit appears on the way up from the parent. A loop already in
    /// the data (which the rules never let in) also counts, so such a change is refused rather than walked forever.
    /// </summary>
    public static bool WouldCreateCycle<T>(T unit, T proposedParent, ParentLookup<T> parentOf)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var seen = new HashSet<T>();
        var current = proposedParent;
        while (true)
        {
            if (EqualityComparer<T>.Default.Equals(current, unit) || !seen.Add(current))
            {
                return true;
            }

            if (!parentOf(current, out var next))
            {
                return false;
            }

            current = next;
        }
    }

    internal static TEnum? ParseName<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        var name = (text ?? string.Empty).Trim();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    internal static string CheckName(string? value, string field, string required, string tooLong, ValidationErrors errors)
    {
        var name = (value ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            errors.Add(field, required);
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(field, tooLong);
        }

        return name;
    }
}
