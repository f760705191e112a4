using System.Globalization;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>One problem in the table: the row as numbered in the spreadsheet (the header is row 1) and the column.</summary>
public sealed record ImportProblem(int Row, string? Column, string Message);

/// <summary>A task the table will create (or created), by row.</summary>
public sealed record ImportedTask(int Row, string Number, string Code, string Title, int? Id);

/// <summary>
/// What an import did: nothing at all when there is any error (every bad row and cell is listed), or the
/// drafts it created. Warnings never stop an import.
/// </summary>
public sealed record ImportReport(bool Succeeded, bool DryRun, IReadOnlyList<ImportedTask> Tasks, IReadOnlyList<ImportProblem> Errors, IReadOnlyList<ImportProblem> Warnings);

/// <summary>Where the tasks of a table come from, applied to every row.</summary>
public sealed record ImportSource(OriginKind OriginKind = OriginKind.Manual, string? OriginReference = null, int? OriginId = null);

/// <summary>
/// Imports a task-decomposition table (任务分解表): one task per row with 序号, 任务内容, 牵头领导, 牵头单位,
/// 配合单位, 完成时限, 时间节点 (Chinese or English headers). The whole table is checked before anything is
/// written; then every row becomes a draft task in one transaction, or none does.
/// </summary>
public sealed partial class DecompositionImport(FollowthroughDb db, TaskService tasks)
{
    public const int MaxTasks = 2000;

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '\n'];
    private static readonly char[] NodeSeparators = [';', '；', '\n', '。'];

    public async Task<ImportReport> ImportAsync(
        string fileName, byte[] content, ImportSource source, int? createdBy, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        IReadOnlyList<IReadOnlyList<string>> table;
        try
        {
            table = TableReader.Read(fileName, content);
        }
        catch (TableFormatException error)
        {
            return Failed(new ImportProblem(0, null, error.Message));
        }

        var errors = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        var headerRow = table.Select((cells, i) => (cells, i)).FirstOrDefault(r => r.cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerRow.cells is null)
        {
            return Failed(new ImportProblem(1, null, "The table is empty."));
        }

        var columns = new Dictionary<ImportColumn, (int Index, string Header)>();
        for (var c = 0; c < headerRow.cells.Count; c++)
        {
            var header = headerRow.cells[c].Trim();
            if (header.Length == 0)
            {
                continue;
            }

            if (ImportColumns.Match(header) is not { } column)
            {
                warnings.Add(new ImportProblem(headerRow.i + 1, header, "Unknown column; it is ignored."));
            }
            else if (!columns.TryAdd(column, (c, header)))
            {
                errors.Add(new ImportProblem(headerRow.i + 1, header, $"A second column for {column}."));
            }
        }

        foreach (var required in new[] { ImportColumn.Task, ImportColumn.LeadUnit, ImportColumn.Deadline })
        {
            if (!columns.ContainsKey(required))
            {
                errors.Add(new ImportProblem(headerRow.i + 1, null, $"The table has no {Describe(required)} column."));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportReport(false, dryRun, [], errors, warnings);
        }

        var resolver = await UnitsAndLeadersAsync(cancellationToken);
        var rows = new List<(int Row, string Number, TaskInput Input)>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = headerRow.i + 1; r < table.Count; r++)
        {
            var line = new RowReader(table[r], columns, r + 1, errors, warnings);
            if (line.IsBlank || line.IsSectionHeading)
            {
                continue; // blank lines and headings like "一、扩大对外开放" that group the rows below
            }

            var number = line[ImportColumn.Number];
            if (number.Length > 0 && !numbers.TryAdd(number, r + 1))
            {
                line.Error(ImportColumn.Number, $"The no. {number} is used twice (also in row {numbers[number]}).");
            }

            var input = ReadRow(line, resolver, source);
            var code = line[ImportColumn.Code];
            if (code.Length > 0 && !codes.Add(code))
            {
                line.Error(ImportColumn.Code, $"The code {code} is used twice.");
            }

            if (input is not null)
            {
                rows.Add((r + 1, number, input));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportProblem(headerRow.i + 2, null, "The table has no task rows."));
        }

        if (rows.Count > MaxTasks)
        {
            errors.Add(new ImportProblem(0, null, $"At most {MaxTasks} tasks per import."));
        }

        var taken = codes.Count == 0 ? [] : await db.Set<WorkTask>().Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Input.Code is { } c && taken.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new ImportProblem(row.Row, columns[ImportColumn.Code].Header, $"The code {row.Input.Code} is taken by an existing task."));
        }

        if (errors.Count > 0)
        {
            return new ImportReport(false, dryRun, [], [.. errors.OrderBy(e => e.Row)], warnings);
        }

        return await WriteAsync(fileName, rows, createdBy, dryRun, warnings, cancellationToken);
    }

    private async Task<ImportReport> WriteAsync(
        string fileName, List<(int Row, string Number, TaskInput Input)> rows, int? createdBy, bool dryRun, List<ImportProblem> warnings, CancellationToken cancellationToken)
    {
        var first = await tasks.NextCodeAsync(cancellationToken);
        var prefix = first[..(first.LastIndexOf('-') + 1)];
        var next = int.Parse(first[prefix.Length..], CultureInfo.InvariantCulture);
        var created = new List<(int Row, string Number, WorkTask Task)>();
        foreach (var (row, number, input) in rows)
        {
            var code = input.Code ?? TaskService.Code(prefix, next++);
            var task = TaskService.NewDraft(input, code, createdBy);
            created.Add((row, number, task));
            if (!dryRun)
            {
                db.Set<WorkTask>().Add(task);
                tasks.Record(task, "imported", null, TaskState.Draft, $"{Path.GetFileName(fileName)}, row {row.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (!dryRun)
        {
            db.DescribeNextSave("imported", Path.GetFileName(fileName));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ImportReport(true, dryRun, [.. created.Select(c => new ImportedTask(c.Row, c.Number, c.Task.Code, c.Task.Title, dryRun ? null : c.Task.Id))], [], warnings);
    }

    private static TaskInput? ReadRow(RowReader line, Resolver resolver, ImportSource source)
    {
        var title = line[ImportColumn.Task];
        if (title.Length == 0)
        {
            line.Error(ImportColumn.Task, "The task text is missing.");
        }
        else if (title.Length > TaskValidation.MaxTitle)
        {
            line.Error(ImportColumn.Task, $"The task text is longer than {TaskValidation.MaxTitle} characters.");
        }

        var leadUnits = Split(line[ImportColumn.LeadUnit]);
        var lead = leadUnits.Count == 0 ? null : resolver.Unit(leadUnits[0]);
        if (leadUnits.Count == 0)
        {
            line.Error(ImportColumn.LeadUnit, "The lead unit is missing.");
        }

        var partners = new List<PartnerInput>();
        foreach (var name in leadUnits)
        {
            var unit = resolver.Unit(name);
            if (unit is null)
            {
                line.Error(ImportColumn.LeadUnit, $"Unknown unit: {name}.");
            }
            else if (unit != lead)
            {
                partners.Add(new PartnerInput(unit.Id, "共同牵头"));
                line.Warning(ImportColumn.LeadUnit, $"{name} is recorded as a co-operating unit that co-leads: a task has one lead unit.");
            }
        }

        foreach (var name in Split(line[ImportColumn.Partners]))
        {
            var unit = resolver.Unit(name);
            if (unit is null)
            {
                line.Error(ImportColumn.Partners, $"Unknown unit: {name}.");
            }
            else if (unit != lead && partners.TrueForAll(p => p.UnitId != unit.Id))
            {
                partners.Add(new PartnerInput(unit.Id, string.Empty));
            }
        }

        Person? leader = null;
        var leaders = Split(line[ImportColumn.LeadLeader]);
        foreach (var name in leaders)
        {
            var person = resolver.Leader(name);
            if (person is null)
            {
                line.Error(ImportColumn.LeadLeader, $"Unknown leader: {name} (a person with the Leader role).");
            }

            leader ??= person;
        }

        if (leaders.Count > 1)
        {
            line.Warning(ImportColumn.LeadLeader, "Only the first leader is recorded as lead leader.");
        }

        var deadlineText = line[ImportColumn.Deadline];
        var deadline = DeadlineText.Parse(deadlineText);
        if (deadline is null)
        {
            line.Error(ImportColumn.Deadline, deadlineText.Length == 0
                ? "The deadline is missing; write 长期坚持 for long-term work."
                : $"Not a deadline: {deadlineText} (write e.g. 2021年6月底前, 2021-06-30, 20个工作日 or 长期坚持).");
        }

        var nodes = new List<TimeNodeInput>();
        foreach (var part in line[ImportColumn.TimeNodes].Split(NodeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DeadlineText.Find(part) is not { } found)
            {
                line.Error(ImportColumn.TimeNodes, $"No date in the time node: {part}.");
                continue;
            }

            var what = (part[..found.Index] + part[(found.Index + found.Length)..]).Trim().Trim('：', ':', '，', ',', '（', '）', '(', ')', ' ');
            nodes.Add(new TimeNodeInput(what.Length == 0 ? part : what, found.Date));
            if (deadline?.Date is { } due && found.Date > due)
            {
                line.Error(ImportColumn.TimeNodes, $"The time node {part} falls after the deadline.");
            }
        }

        var level = line[ImportColumn.Level] switch
        {
            "" or "常规" or "一般" => SupervisionLevel.Routine,
            "重点" or "重点督办" => SupervisionLevel.Key,
            var other when Enum.TryParse<SupervisionLevel>(other, true, out var parsed) => parsed,
            var other => line.Error(ImportColumn.Level, $"Unknown supervision level: {other} (重点 or 常规).", SupervisionLevel.Routine),
        };
        var cadence = line[ImportColumn.Cadence] switch
        {
            "" or "每月" or "月报" => ReportingCadence.Monthly,
            "每周" or "周报" => ReportingCadence.Weekly,
            "每季度" or "季报" => ReportingCadence.Quarterly,
            "按节点" or "按时间节点" => ReportingCadence.OnTimeNodes,
            var other when Enum.TryParse<ReportingCadence>(other, true, out var parsed) => parsed,
            var other => line.Error(ImportColumn.Cadence, $"Unknown reporting cadence: {other} (每周, 每月, 每季度 or 按节点).", ReportingCadence.Monthly),
        };

        var code = line[ImportColumn.Code];
        if (line.HasErrors)
        {
            return null;
        }

        return new TaskInput
        {
            Code = code.Length == 0 ? null : code,
            Title = title,
            Description = line[ImportColumn.Description],
            OriginKind = source.OriginKind,
            OriginId = source.OriginId,
            OriginReference = source.OriginReference,
            LeadLeaderId = leader?.Id,
            LeadUnitId = lead!.Id,
            SupervisionLevel = level,
            DeadlineKind = deadline!.Kind,
            Deadline = deadline.Date,
            DeadlineWorkingDays = deadline.WorkingDays,
            ReportingCadence = cadence,
            Partners = partners,
            TimeNodes = nodes,
            Tags = TaskTag.Split(line[ImportColumn.Tags]),
        };
    }

    private static List<string> Split(string text) =>
        [.. text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string Describe(ImportColumn column) => column switch
    {
        ImportColumn.Task => "task (任务内容)",
        ImportColumn.LeadUnit => "lead unit (牵头单位)",
        ImportColumn.Deadline => "deadline (完成时限)",
        _ => column.ToString(),
    };

    private static ImportReport Failed(ImportProblem problem) => new(false, false, [], [problem], []);

    private async Task<Resolver> UnitsAndLeadersAsync(CancellationToken cancellationToken) => new(
        await db.Set<Unit>().AsNoTracking().Where(u => u.IsActive).ToListAsync(cancellationToken),
        await db.Set<Person>().AsNoTracking().Where(p => p.IsActive && p.Role == Role.Leader).ToListAsync(cancellationToken));

    /// <summary>Finds units by code, Chinese or English name or alias, and leaders by name; case and spaces do not matter.</summary>
    private sealed class Resolver
    {
        private readonly Dictionary<string, Unit> _units = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Person> _leaders = new(StringComparer.OrdinalIgnoreCase);

        public Resolver(List<Unit> units, List<Person> leaders)
        {
            foreach (var unit in units)
            {
                foreach (var name in unit.AliasList.Prepend(unit.NameEn).Prepend(unit.NameZh).Prepend(unit.Code))
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

        public Unit? Unit(string name) => _units.GetValueOrDefault(Key(name));

        /// <summary>Accepts "李建华" and "李建华同志"/"李建华副市长" by also trying the name before a title.</summary>
        public Person? Leader(string name)
        {
            var key = Key(name);
            return _leaders.GetValueOrDefault(key)
                ?? _leaders.Where(l => key.StartsWith(l.Key, StringComparison.OrdinalIgnoreCase)).Select(l => l.Value).FirstOrDefault();
        }

        private static string Key(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")]
    private static partial System.Text.RegularExpressions.Regex HeadingPattern();

    /// <summary>One row's cells by column, collecting its problems with the header text people see.</summary>
    private sealed class RowReader(
        IReadOnlyList<string> cells, Dictionary<ImportColumn, (int Index, string Header)> columns, int row, List<ImportProblem> errors, List<ImportProblem> warnings)
    {
        public string this[ImportColumn column] =>
            columns.TryGetValue(column, out var c) && c.Index < cells.Count ? cells[c.Index].Trim() : string.Empty;

        public bool HasErrors { get; private set; }

        public bool IsBlank => cells.All(string.IsNullOrWhiteSpace);

        /// <summary>A single cell numbered the Chinese way ("一、扩大对外开放", "（二）科技创新"): a heading, not a task.</summary>
        public bool IsSectionHeading =>
            cells.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() is [var only] && HeadingPattern().IsMatch(only.Trim());

        public void Error(ImportColumn column, string message)
        {
            HasErrors = true;
            errors.Add(new ImportProblem(row, columns.TryGetValue(column, out var c) ? c.Header : null, message));
        }

        public T Error<T>(ImportColumn column, string message, T fallback)
        {
            Error(column, message);
            return fallback;
        }

        public void Warning(ImportColumn column, string message) =>
            warnings.Add(new ImportProblem(row, columns.TryGetValue(column, out var c) ? c.Header : null, message));
    }
}
