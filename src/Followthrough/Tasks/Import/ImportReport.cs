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
