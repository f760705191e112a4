using System.Globalization;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Storage.Files;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>
/// Imports a task-decomposition table (任务分解表): one task per row with 序号, 任务内容, 牵头领导, 牵头单位,
/// 配合单位, 完成时限, 时间节点 (Chinese or English headers). The whole table is checked before anything is
/// written; then every row becomes a draft task in one transaction, or none does.
/// </summary>
public sealed class DecompositionImport
{
    private readonly FollowthroughDb db;
    private readonly TaskWriting tasks;
    private readonly OrganizationDirectory organization;
    private readonly FileLimits? limits;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal DecompositionImport(FollowthroughDb db, TaskWriting tasks, OrganizationDirectory organization, FileLimits? limits = null)
    {
        this.db = db;
        this.tasks = tasks;
        this.organization = organization;
        this.limits = limits;
    }

    public const int MaxTasks = 2000;

    public async Task<ImportReport> ImportAsync(
        string fileName, byte[] content, ImportSource source, int? createdBy, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        IReadOnlyList<IReadOnlyList<string>> table;
        try
        {
            table = TableReader.Read(fileName, content, limits);
        }
        catch (TableFormatException error)
        {
            return Failed(new ImportProblem(0, null, error.Message));
        }

        var errors = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        if (TableHeader.Find(table, errors, warnings) is not { } header)
        {
            return Failed(new ImportProblem(1, null, "The table is empty."));
        }

        if (errors.Count > 0)
        {
            return new ImportReport(false, dryRun, [], errors, warnings);
        }

        var directory = await UnitsAndLeaders.LoadAsync(organization, cancellationToken);
        var rows = new List<(int Row, string Number, TaskInput Input)>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = header.Index + 1; r < table.Count; r++)
        {
            var line = new RowReader(table[r], header.Columns, r + 1, errors, warnings);
            if (line.IsBlank || line.IsSectionHeading)
            {
                continue; // blank lines and headings like "一、扩大对外开放" that group the rows below
            }

            var number = line[ImportColumn.Number];
            if (number.Length > 0 && !numbers.TryAdd(number, r + 1))
            {
                line.Error(ImportColumn.Number, $"The no. {number} is used twice (also in row {numbers[number]}).");
            }

            var input = DecompositionRow.Read(line, directory, source);
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
            errors.Add(new ImportProblem(header.Index + 2, null, "The table has no task rows."));
        }

        if (rows.Count > MaxTasks)
        {
            errors.Add(new ImportProblem(0, null, $"At most {MaxTasks} tasks per import."));
        }

        var taken = codes.Count == 0 ? [] : await db.Set<WorkTask>().Where(t => codes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Input.Code is { } c && taken.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add(new ImportProblem(row.Row, header.Columns[ImportColumn.Code].Header, $"The code {row.Input.Code} is taken by an existing task."));
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
            var code = input.Code ?? TaskWriting.Code(prefix, next++);
            var task = TaskWriting.NewDraft(input, code, createdBy);
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
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone created tasks with the same numbers while this import was being written; nothing was saved.
                db.ChangeTracker.Clear();
                return Failed(new ImportProblem(0, null, "Other tasks took the same codes while the table was being imported; nothing was imported. Import it again."));
            }
        }

        return new ImportReport(true, dryRun, [.. created.Select(c => new ImportedTask(c.Row, c.Number, c.Task.Code, c.Task.Title, dryRun ? null : c.Task.Id))], [], warnings);
    }

    private static ImportReport Failed(ImportProblem problem) => new(false, false, [], [problem], []);
}
