using Followthrough.Organization;

namespace Followthrough.Plans;

/// <summary>
/// The units as plans refer to them: by code (DL-DRC), by full name in either language, or by a known alias
/// (市发改委). Read once per request or import from Organization's directory; units are few.
/// </summary>
internal sealed class UnitDirectory
{
    private readonly Dictionary<int, UnitEntry> _byId;
    private readonly Dictionary<string, UnitEntry> _byCode;
    private readonly Dictionary<string, List<UnitEntry>> _byName;

    public UnitDirectory(IEnumerable<UnitEntry> units)
    {
        ArgumentNullException.ThrowIfNull(units);

        // In id order, so that a name shared by several units lists them oldest first.
        _byId = units.OrderBy(u => u.Id).ToDictionary(u => u.Id);
        _byCode = new Dictionary<string, UnitEntry>(StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, List<UnitEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in _byId.Values)
        {
            _byCode[unit.Code] = unit;
            foreach (var name in unit.Aliases.Append(unit.NameZh).Append(unit.NameEn).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_byName.TryGetValue(name, out var list))
                {
                    _byName[name] = list = [];
                }

                list.Add(unit);
            }
        }
    }

    /// <summary>Every unit, active or not (a plan may still name a unit that has since been dissolved).</summary>
    public static async Task<UnitDirectory> LoadAsync(OrganizationDirectory organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new UnitDirectory(await organization.UnitsAsync(activeOnly: false, cancellationToken));
    }

    public IEnumerable<UnitEntry> All => _byId.Values;

    public UnitEntry? this[int id] => _byId.GetValueOrDefault(id);

    public UnitEntry? this[int? id] => id is { } value ? _byId.GetValueOrDefault(value) : null;

    public string CodeOf(int? id) => this[id]?.Code ?? string.Empty;

    /// <summary>Finds a unit by code, name or alias. Returns null with the reason when there is none or more than one.</summary>
    public UnitEntry? Resolve(string? text, out string? problem)
    {
        problem = null;
        var key = (text ?? string.Empty).Trim();
        if (key.Length == 0)
        {
            problem = "No unit is given.";
            return null;
        }

        if (_byCode.TryGetValue(key, out var byCode))
        {
            return byCode;
        }

        if (_byName.TryGetValue(key, out var named))
        {
            if (named.Count == 1)
            {
                return named[0];
            }

            problem = $"'{key}' names more than one unit ({string.Join(", ", named.Select(u => u.Code))}); use the unit's code.";
            return null;
        }

        problem = $"'{key}' is not a known unit (give a unit code such as DL-DRC, its name or a known alias).";
        return null;
    }
}
