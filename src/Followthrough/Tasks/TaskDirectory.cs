using System.Globalization;
using Followthrough.Organization;

namespace Followthrough.Tasks;

/// <summary>
/// Names for the ids on task lists (units, leaders, responsible people), loaded once per request. Units are a
/// directory of a few hundred rows, so they are read whole; people only as asked for.
/// </summary>
internal sealed class TaskDirectory(OrganizationDirectory organization)
{
    private readonly Dictionary<int, UnitEntry> _units = [];
    private readonly Dictionary<int, PersonEntry> _people = [];
    private bool _allUnits;

    /// <summary>The directory it reads from.</summary>
    public OrganizationDirectory Organization => organization;

    /// <summary>The whole directory of units (for pickers and name lookups across a page).</summary>
    public async Task<IReadOnlyDictionary<int, UnitEntry>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        if (!_allUnits)
        {
            foreach (var unit in await organization.UnitsAsync(activeOnly: false, cancellationToken))
            {
                _units[unit.Id] = unit;
            }

            _allUnits = true;
        }

        return _units;
    }

    /// <summary>Only the units named, for answers that show a few (an inbox names one unit, not the city's hundreds).</summary>
    public async Task LoadUnitsAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        List<int> wanted = _allUnits ? [] : ids.Where(id => !_units.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            foreach (var unit in (await organization.UnitsAsync(wanted, cancellationToken)).Values)
            {
                _units[unit.Id] = unit;
            }
        }
    }

    public async Task LoadPeopleAsync(IEnumerable<int?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<int>().Where(id => !_people.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            foreach (var person in (await organization.PeopleAsync(wanted, cancellationToken)).Values)
            {
                _people[person.Id] = person;
            }
        }
    }

    /// <summary>Loads the units named by the given tasks (lead and co-operating) and the people they name.</summary>
    public async Task PrepareRowsAsync(IEnumerable<WorkTask> tasks, CancellationToken cancellationToken = default)
    {
        var list = tasks.ToList();
        await LoadUnitsAsync(list.SelectMany(t => t.Partners.Select(p => p.UnitId).Append(t.LeadUnitId)), cancellationToken);
        await LoadPeopleAsync(list.SelectMany(t => new[] { t.LeadLeaderId, t.ResponsiblePersonId }), cancellationToken);
    }

    /// <summary>Loads all units and the people that the given tasks name.</summary>
    public async Task PrepareAsync(IEnumerable<WorkTask> tasks, CancellationToken cancellationToken = default)
    {
        await UnitsAsync(cancellationToken);
        await PrepareRowsAsync(tasks, cancellationToken);
    }

    public UnitEntry? Unit(int id) => _units.TryGetValue(id, out var unit) ? unit : null;

    public PersonEntry? Person(int? id) => id is { } value && _people.TryGetValue(value, out var person) ? person : null;

    public string UnitName(int id, CultureInfo culture) => Unit(id)?.DisplayName(culture) ?? $"#{id.ToString(CultureInfo.InvariantCulture)}";

    public string PersonName(int? id, CultureInfo culture) => Person(id)?.DisplayName(culture) ?? string.Empty;

    /// <summary>Active leaders, for pickers and the import's name lookup.</summary>
    public Task<IReadOnlyList<PersonEntry>> LeadersAsync(CancellationToken cancellationToken = default) =>
        organization.ActivePeopleAsync(Role.Leader, cancellationToken);
}
