using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans;

/// <summary>
/// The units as plans refer to them: by code (DL-DRC), by full name in either language, or by a known alias
/// (市发改委). Read once per request or import; units are few.
/// </summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<int, Unit> _byId;
    private readonly Dictionary<string, Unit> _byCode;
    private readonly Dictionary<string, List<Unit>> _byName;

    public UnitDirectory(IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _byId = units.ToDictionary(u => u.Id);
        _byCode = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        _byName = new Dictionary<string, List<Unit>>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in _byId.Values)
        {
            _byCode[unit.Code] = unit;
            foreach (var name in unit.AliasList.Append(unit.NameZh).Append(unit.NameEn).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_byName.TryGetValue(name, out var list))
                {
                    _byName[name] = list = [];
                }

                list.Add(unit);
            }
        }
    }

    public static async Task<UnitDirectory> LoadAsync(FollowthroughDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new UnitDirectory(await db.Set<Unit>().AsNoTracking().ToListAsync(cancellationToken));
    }

    public IEnumerable<Unit> All => _byId.Values;

    public Unit? this[int id] => _byId.GetValueOrDefault(id);

    public Unit? this[int? id] => id is { } value ? _byId.GetValueOrDefault(value) : null;

    public string CodeOf(int? id) => this[id]?.Code ?? string.Empty;

    /// <summary>Finds a unit by code, name or alias. Returns null with the reason when there is none or more than one.</summary>
    public Unit? Resolve(string? text, out string? problem)
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
