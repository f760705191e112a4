using Followthrough.Organization;

namespace Followthrough.Tasks;

/// <summary>Finds units by code, Chinese or English name or alias, and leaders by name; case and spaces do not matter.</summary>
internal sealed class UnitsAndLeaders
{
    private readonly Dictionary<string, UnitEntry> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PersonEntry> _leaders = new(StringComparer.OrdinalIgnoreCase);

    private UnitsAndLeaders(IReadOnlyList<UnitEntry> units, IReadOnlyList<PersonEntry> leaders)
    {
        foreach (var unit in units)
        {
            foreach (var name in unit.Aliases.Prepend(unit.NameEn).Prepend(unit.NameZh).Prepend(unit.Code))
            {
                _units.TryAdd(Key(name), unit);
            }
        }

        foreach (var leader in leaders)
        {
            _leaders.TryAdd(Key(leader.NameZh), leader);
            if (!string.IsNullOrWhiteSpace(leader.NameEn))
            {
                _leaders.TryAdd(Key(leader.NameEn), leader);
            }
        }
    }

    /// <summary>The active units, and the active people with the Leader role.</summary>
    public static async Task<UnitsAndLeaders> LoadAsync(OrganizationDirectory organization, CancellationToken cancellationToken) => new(
        await organization.UnitsAsync(activeOnly: true, cancellationToken),
        await organization.ActivePeopleAsync(Role.Leader, cancellationToken));

    public UnitEntry? Unit(string name) => _units.GetValueOrDefault(Key(name));

    /// <summary>Accepts "李建华" and "李建华同志"/"李建华副市长" by also trying the name before a title.</summary>
    public PersonEntry? Leader(string name)
    {
        var key = Key(name);
        return _leaders.GetValueOrDefault(key)
            ?? _leaders.Where(l => key.StartsWith(l.Key, StringComparison.OrdinalIgnoreCase)).Select(l => l.Value).FirstOrDefault();
    }

    private static string Key(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
