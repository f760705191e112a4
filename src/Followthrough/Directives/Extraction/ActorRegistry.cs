using Followthrough.Organization;

namespace Followthrough.Directives.Extraction;

/// <summary>A unit the extractor can recognise: its code and every name and alias it goes by, in either language.</summary>
public sealed record RegistryUnit(string Code, IReadOnlyList<string> Names, IReadOnlyList<string> Aliases);

/// <summary>
/// The units the extractor looks for, compiled once into one automaton over all names and aliases, together with
/// the generic actors ("relevant departments", "各区市县") that name no particular unit. Build it from the database's
/// units (<see cref="FromUnits"/>) or from any list of units (the demo organisation's is in Followthrough.Demo); the
/// extractor does not care which.
/// </summary>
public sealed class ActorRegistry
{
    private readonly RegistryUnit[] _units;

    public ActorRegistry(IEnumerable<RegistryUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _units = [.. units];
        var keywords = new List<KeyValuePair<string, ActorKey>>();
        for (var i = 0; i < _units.Length; i++)
        {
            var unit = _units[i];
            foreach (var name in unit.Names.Concat(unit.Aliases))
            {
                var trimmed = name?.Trim() ?? string.Empty;
                if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
                {
                    trimmed = trimmed[4..];
                }

                if (trimmed.Length >= 2)
                {
                    keywords.Add(new(trimmed, new ActorKey(i, IsShortCode(trimmed), IsShortHan(trimmed))));
                }
            }
        }

        foreach (var phrase in GenericActors.Phrases)
        {
            keywords.Add(new(phrase, new ActorKey(-1, false, false)));
        }

        // Heads of organisation names ("bureau", 局, 公司): found in the same pass, extended to a name afterwards.
        foreach (var head in OrganisationNames.EnglishHeads)
        {
            keywords.Add(new(head, new ActorKey(ActorKey.EnglishHead, false, false)));
        }

        foreach (var suffix in OrganisationNames.ChineseSuffixes)
        {
            keywords.Add(new(suffix, new ActorKey(ActorKey.ChineseSuffix, false, false)));
        }

        Matcher = new KeywordMatcher<ActorKey>(keywords);
    }

    public IReadOnlyList<RegistryUnit> Units => _units;

    internal KeywordMatcher<ActorKey> Matcher { get; }

    /// <summary>The active units of the organisation, with their Chinese and English names and their aliases.</summary>
    public static ActorRegistry FromUnits(IEnumerable<UnitEntry> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new ActorRegistry(units
            .Where(u => u.IsActive)
            .Select(u => new RegistryUnit(u.Code, [u.NameZh, u.NameEn], u.Aliases)));
    }

    internal string CodeOf(int index) => _units[index].Code;

    internal string NameOf(int index) => _units[index].Names.Count > 0 ? _units[index].Names[0] : _units[index].Code;

    // "DRC", "DUT": matched only in capitals, so the letters inside an ordinary word never count.
    private static bool IsShortCode(string name) => name.Length <= 5 && name.All(c => c is >= 'A' and <= 'Z');

    // "大工", "东财": two characters also occur inside other words (重大工程), see ActorFinder.
    private static bool IsShortHan(string name) => name.Length <= 2 && name.All(CharClass.IsHan);
}

/// <summary>
/// What an automaton hit on a name stands for: a registry unit (its index), a generic actor (-1), or the head
/// of an organisation's name to be extended (<see cref="EnglishHead"/>, <see cref="ChineseSuffix"/>).
/// </summary>
internal readonly record struct ActorKey(int Unit, bool CaseSensitive, bool ShortHan)
{
    public const int EnglishHead = -2;
    public const int ChineseSuffix = -3;

    public bool IsHead => Unit <= EnglishHead;
}
