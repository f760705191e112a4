using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Followthrough.Tests.Tasks;

/// <summary>Decomposition tables as offices send them: CSV (UTF-8 or GB18030) or Excel with shared strings.</summary>
internal static class DecompositionTables
{
    public static byte[] Csv(params string[][] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(Quote)))) + "\r\n");

    public static byte[] Gb18030Csv(params string[][] rows) =>
        CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(',', r.Select(Quote)))));

    /// <summary>A workbook the way Excel writes it: text in the shared-string table, dates as serial numbers.</summary>
    public static byte[] Xlsx(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null or "":
                            break; // Excel leaves empty cells out
                        case double number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                        case var text:
                            strings.SharedStringTable.Append(new SharedStringItem(new Text(text.ToString()!)));
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index++) });
                            break;
                    }
                }

                data.Append(row);
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "任务分解" }));
        }

        return stream.ToArray();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
