namespace Followthrough.Organization.Import;

public enum ImportChange
{
    Create,
    Update,
    Unchanged,
}

/// <summary>A checked row: the unit as it will be, and whether that creates, changes or leaves a unit.</summary>
public sealed record PlannedUnit(int Row, UnitSnapshot Unit, ImportChange Change);

/// <summary>What an import file would do; it may be carried out only when it has no problems.</summary>
public sealed record ImportPlan(IReadOnlyList<PlannedUnit> Units, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public int Count(ImportChange change) => Units.Count(u => u.Change == change);
}

/// <summary>
/// Checks a whole units file against the units already in the database before anything is written: each row on
/// its own (the rules of <see cref="UnitRules"/>), codes repeated in the file, parent codes that name no unit in the
/// file or the database, parents that go round in a circle, and active units under inactive parents. Rows are
/// upserted by code; parents may come after their children in the file. Every problem is reported, by row and column.
/// </summary>
internal static class UnitImportCheck
{
    private sealed record Node(string? Parent, bool Active, int? Row);

    public static ImportPlan Check(IReadOnlyList<UnitCsvRow> rows, IReadOnlyCollection<UnitSnapshot> existing)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(existing);
        var problems = new List<ImportProblem>();
        var candidates = new List<(int Row, UnitSnapshot Unit)>();
        var parentsOfInvalidRows = new List<(int Row, string Parent)>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var unit = CheckRow(row, problems);
            var code = UnitRules.NormalizeCode(row.Code);
            if (UnitRules.IsValidCode(code) && !firstRowOfCode.TryAdd(code, row.Row))
            {
                problems.Add(new ImportProblem(row.Row, UnitCsv.Code, $"{code} appears again (first on row {firstRowOfCode[code]})"));
                continue;
            }

            if (unit is not null)
            {
                candidates.Add((row.Row, unit));
            }
            else if (UnitRules.NormalizeCode(row.ParentCode) is { Length: > 0 } parent && UnitRules.IsValidCode(parent))
            {
                parentsOfInvalidRows.Add((row.Row, parent));
            }
        }

        // The hierarchy as it would be after the import: the database, overlaid by the file's rows.
        var tree = existing.ToDictionary(u => u.Code, u => new Node(u.ParentCode, u.IsActive, null), StringComparer.Ordinal);
        foreach (var (row, unit) in candidates)
        {
            tree[unit.Code] = new Node(unit.ParentCode, unit.IsActive, row);
        }

        // Rows whose code is repeated or invalid are not in the tree, but their code still exists for parent look-ups.
        var knownCodes = new HashSet<string>(tree.Keys, StringComparer.Ordinal);
        knownCodes.UnionWith(firstRowOfCode.Keys);

        foreach (var (row, parent) in parentsOfInvalidRows.Where(p => !knownCodes.Contains(p.Parent)))
        {
            problems.Add(UnknownParent(row, parent));
        }

        var sound = new List<(int Row, UnitSnapshot Unit)>();
        foreach (var (row, unit) in candidates)
        {
            if (CheckHierarchy(row, unit, tree, knownCodes, problems))
            {
                sound.Add((row, unit));
            }
        }

        var before = existing.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var planned = sound.Select(c => new PlannedUnit(c.Row, c.Unit, ChangeOf(c.Unit, before.GetValueOrDefault(c.Unit.Code)))).ToList();
        return new ImportPlan(planned, [.. problems.OrderBy(p => p.Row)]);
    }

    private static UnitSnapshot? CheckRow(UnitCsvRow row, List<ImportProblem> problems)
    {
        var count = problems.Count;
        var aliases = row.Aliases.Split(UnitCsv.AliasSeparator);
        var (values, errors) = UnitRules.Check(new UnitInput(row.Code, row.NameZh, row.NameEn, row.Kind, Aliases: aliases));
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                problems.Add(new ImportProblem(row.Row, ColumnOf(field), Describe(field, message, row)));
            }
        }

        var parent = row.ParentCode.Length == 0 ? null : UnitRules.NormalizeCode(row.ParentCode);
        if (parent is not null && !UnitRules.IsValidCode(parent))
        {
            problems.Add(new ImportProblem(row.Row, UnitCsv.ParentCode, $"'{row.ParentCode}' is not a valid code (2 to 32 letters, digits and hyphens)"));
        }

        var active = UnitCsv.ParseActive(row.Active);
        if (active is null)
        {
            problems.Add(new ImportProblem(row.Row, UnitCsv.Active, $"'{row.Active}' is not true or false"));
        }

        return problems.Count == count
            ? new UnitSnapshot(values!.Code, values.NameZh, values.NameEn, values.Kind, parent, values.Aliases, active!.Value)
            : null;
    }

    private static bool CheckHierarchy(
        int row, UnitSnapshot unit, Dictionary<string, Node> tree, HashSet<string> knownCodes, List<ImportProblem> problems)
    {
        if (unit.ParentCode is { } parentCode)
        {
            if (!knownCodes.Contains(parentCode))
            {
                problems.Add(UnknownParent(row, parentCode));
                return false;
            }

            if (!tree.TryGetValue(parentCode, out var parent))
            {
                return false; // the parent's own row is invalid and already reported
            }

            if (UnitRules.WouldCreateCycle(unit.Code, parentCode, (string code, out string next) => ParentOf(tree, code, out next)))
            {
                problems.Add(new ImportProblem(row, UnitCsv.ParentCode, $"the parents go round in a circle: {CyclePath(unit.Code, tree)}; a unit cannot be its own ancestor"));
                return false;
            }

            if (unit.IsActive && !parent.Active)
            {
                problems.Add(new ImportProblem(row, UnitCsv.Active, $"the unit is active but its parent {parentCode} is not; an active unit needs an active parent"));
                return false;
            }
        }

        if (!unit.IsActive)
        {
            var activeChildren = tree.Where(t => t.Value.Parent == unit.Code && t.Value.Active).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
            if (activeChildren.Count > 0)
            {
                problems.Add(new ImportProblem(row, UnitCsv.Active, $"the unit is inactive but has active sub-units: {string.Join(", ", activeChildren)}"));
                return false;
            }
        }

        return true;
    }

    private static ImportProblem UnknownParent(int row, string parentCode) =>
        new(row, UnitCsv.ParentCode, $"unknown parent code {parentCode}: it is neither in the file nor in the database");

    private static bool ParentOf(Dictionary<string, Node> tree, string code, out string parent)
    {
        parent = string.Empty;
        if (tree.TryGetValue(code, out var node) && node.Parent is { } p)
        {
            parent = p;
            return true;
        }

        return false;
    }

    private static string CyclePath(string start, Dictionary<string, Node> tree)
    {
        var path = new List<string> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var current = start;
        while (ParentOf(tree, current, out var next))
        {
            path.Add(next);
            if (!seen.Add(next))
            {
                break;
            }

            current = next;
        }

        return string.Join(" → ", path);
    }

    private static ImportChange ChangeOf(UnitSnapshot unit, UnitSnapshot? before) =>
        before is null ? ImportChange.Create : before == unit ? ImportChange.Unchanged : ImportChange.Update;

    private static string ColumnOf(string field) => field switch
    {
        "code" => UnitCsv.Code,
        "nameZh" => UnitCsv.NameZh,
        "nameEn" => UnitCsv.NameEn,
        "kind" => UnitCsv.Kind,
        "aliases" => UnitCsv.Aliases,
        _ => field,
    };

    private static string Describe(string field, string message, UnitCsvRow row) => field switch
    {
        "code" when row.Code.Length > 0 => $"'{row.Code}': {message}",
        "kind" when row.Kind.Length > 0 => $"'{row.Kind}': {message}",
        _ => message,
    };
}
