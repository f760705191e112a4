using System.Text;

namespace Followthrough.Storage.Files;

/// <summary>
/// CSV as RFC 4180 (commas, quoted fields with doubled quotes, line breaks inside quotes; CRLF, LF or CR ends a row),
/// read under <see cref="FileLimits"/>. A row's number is the line it starts on.
/// </summary>
internal static class CsvTable
{
    public static List<TableRow> Read(string text, FileLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var budget = new TableBudget(limits);
        var rows = new List<TableRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                    budget.CellLength(cell.Length);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    EndCell();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndCell();
                    EndRow();
                    line++;
                    rowStart = line;
                    break;
                default:
                    cell.Append(c);
                    budget.CellLength(cell.Length);
                    break;
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndCell();
            EndRow();
        }

        return rows;

        void EndCell()
        {
            budget.Column(cells.Count);
            budget.Cells(1);
            cells.Add(budget.Text(cell.ToString()));
            cell.Clear();
        }

        void EndRow()
        {
            budget.Row(rows.Count + 1);
            rows.Add(new TableRow(rowStart, [.. cells]));
            cells.Clear();
        }
    }
}
