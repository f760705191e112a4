namespace Followthrough.Storage.Files;

/// <summary>One row of a table file: its number as the person sees it (spreadsheet row or CSV line) and its cells.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells);

/// <summary>One sheet of a workbook (a CSV file is one sheet with no name).</summary>
public sealed record TableSheet(string Name, IReadOnlyList<TableRow> Rows);

/// <summary>
/// What one table file may still hold: each row, column, cell and character is counted against
/// <see cref="FileLimits"/> before it is kept (a row's number and a cell's column are judged before any padding).
/// </summary>
internal sealed class TableBudget(FileLimits limits)
{
    private long _cells;
    private long _characters;

    public void Row(int number)
    {
        if (number > limits.MaxRows)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxRows), limits.MaxRows, $"it has a row numbered {number:N0}");
        }
    }

    public void Column(int index)
    {
        if (index >= limits.MaxColumns || index < 0)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxColumns), limits.MaxColumns, "a row has more columns than allowed");
        }
    }

    /// <summary>Counts cells about to be kept (filled ones and the empty ones padded before them).</summary>
    public void Cells(int count)
    {
        _cells += count;
        if (_cells > limits.MaxCells)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxCells), limits.MaxCells, $"it has more than {limits.MaxCells:N0} cells");
        }
    }

    /// <summary>Checks a cell's length as it grows, so a huge cell is refused before it is held whole.</summary>
    public void CellLength(long length)
    {
        if (length > limits.MaxCellCharacters)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxCellCharacters), limits.MaxCellCharacters, $"a cell holds more than {limits.MaxCellCharacters:N0} characters");
        }
    }

    /// <summary>Counts a kept text against the cell and the file limits.</summary>
    public string Text(string text)
    {
        CellLength(text.Length);
        _characters += text.Length;
        if (_characters > limits.MaxTableCharacters)
        {
            throw new FileRefusedException(nameof(FileLimits.MaxTableCharacters), limits.MaxTableCharacters, $"its cells hold more than {limits.MaxTableCharacters:N0} characters");
        }

        return text;
    }
}
