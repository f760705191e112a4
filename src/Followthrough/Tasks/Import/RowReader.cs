using System.Text.RegularExpressions;

namespace Followthrough.Tasks;

/// <summary>One row's cells by column, collecting its problems with the header text people see.</summary>
internal sealed partial class RowReader(
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

    [GeneratedRegex(@"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")]
    private static partial Regex HeadingPattern();
}
