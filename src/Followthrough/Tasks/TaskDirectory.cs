using System.Globalization;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// Names for the ids on task lists (units, leaders, responsible people), loaded once per request. Units are a
/// directory of a few hundred rows, so they are read whole; people only as asked for.
/// </summary>
public sealed class TaskDirectory(FollowthroughDb db)
{
    private Dictionary<int, Unit>? _units;
    private readonly Dictionary<int, Person> _people = [];

    public async Task<IReadOnlyDictionary<int, Unit>> UnitsAsync(CancellationToken cancellationToken = default) =>
        _units ??= await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);

    public async Task LoadPeopleAsync(IEnumerable<int?> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.OfType<int>().Where(id => !_people.ContainsKey(id)).Distinct().ToList();
        if (wanted.Count > 0)
        {
            foreach (var person in await db.Set<Person>().AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                _people[person.Id] = person;
            }
        }
    }

    /// <summary>Loads the units and the people that the given tasks name.</summary>
    public async Task PrepareAsync(IEnumerable<WorkTask> tasks, CancellationToken cancellationToken = default)
    {
        var list = tasks.ToList();
        await UnitsAsync(cancellationToken);
        await LoadPeopleAsync(list.SelectMany(t => new[] { t.LeadLeaderId, t.ResponsiblePersonId }), cancellationToken);
    }

    public Unit? Unit(int id) => _units is not null && _units.TryGetValue(id, out var unit) ? unit : null;

    public Person? Person(int? id) => id is { } value && _people.TryGetValue(value, out var person) ? person : null;

    public string UnitName(int id, CultureInfo culture) => Unit(id)?.DisplayName(culture) ?? $"#{id.ToString(CultureInfo.InvariantCulture)}";

    public string PersonName(int? id, CultureInfo culture) => Person(id)?.DisplayName(culture) ?? string.Empty;

    /// <summary>Active leaders, for pickers and the import's name lookup.</summary>
    public async Task<IReadOnlyList<Person>> LeadersAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Role == Role.Leader && p.IsActive).OrderBy(p => p.NameZh).ToListAsync(cancellationToken);
}
