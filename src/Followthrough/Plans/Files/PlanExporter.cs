using System.Globalization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

public enum PlanFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a plan to a file in the layout of <see cref="PlanFileLayout"/>: its items in outline order, its indicators and
/// the current value of every reported period. Who reported a value and when are not part of the file (they are the
/// system's record, shown on the pages and kept in the audit trail), so an exported file read back into another
/// database and exported again gives the same file.
/// </summary>
public sealed class PlanExporter
{
    private readonly FollowthroughDb db;
    private readonly PlanOverview board;

    /// <summary>Built by the module's registration; callers get it from the container.</summary>
    internal PlanExporter(FollowthroughDb db, PlanOverview board)
    {
        this.db = db;
        this.board = board;
    }

    public static string ContentType(PlanFileFormat format) => format == PlanFileFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(PlanFileFormat format) => format == PlanFileFormat.Csv ? ".csv" : ".xlsx";

    public static bool TryFormatOf(string? text, out PlanFileFormat format)
    {
        var value = (text ?? string.Empty).Trim().TrimStart('.').ToLowerInvariant();
        format = value == "xlsx" ? PlanFileFormat.Xlsx : PlanFileFormat.Csv;
        return value is "csv" or "xlsx";
    }

    /// <summary>Writes the plan; false when there is no such plan.</summary>
    public async Task<bool> ExportAsync(int planId, PlanFileFormat format, bool chinese, Stream output, CancellationToken cancellationToken = default)
    {
        var snapshot = await board.LoadAsync(planId, cancellationToken);
        if (snapshot is null)
        {
            return false;
        }

        var values = await CurrentValuesAsync(planId, cancellationToken);
        await WriteAsync(Tables(snapshot, values, chinese), format, output, cancellationToken);
        return true;
    }

    /// <summary>An empty file with every sheet and header, and for Excel an instructions sheet explaining each column.</summary>
    public static async Task TemplateAsync(PlanFileFormat format, bool chinese, Stream output, CancellationToken cancellationToken = default)
    {
        var tables = PlanFileLayout.Sheets.Select(sheet => Table(sheet, chinese)).ToList();
        if (format == PlanFileFormat.Xlsx)
        {
            var instructions = new SheetTable(chinese ? PlanFileLayout.Instructions.Chinese : PlanFileLayout.Instructions.English);
            var number = 1;
            instructions.Rows.Add(new SheetRow(number++, chinese ? ["工作表", "列", "英文列名", "必填", "说明"] : ["Sheet", "Column", "Chinese header", "Required", "Meaning"]));
            foreach (var sheet in PlanFileLayout.Sheets)
            {
                foreach (var column in sheet.Columns)
                {
                    instructions.Rows.Add(new SheetRow(number++,
                    [
                        sheet.Name(chinese), column.Header(chinese), column.Header(!chinese),
                        PlanVocabulary.YesNo(column.Required, chinese), column.Meaning,
                    ]));
                }
            }

            tables.Insert(0, instructions);
        }

        await WriteAsync(tables, format, output, cancellationToken);
    }

    internal static async Task WriteAsync(IReadOnlyList<SheetTable> tables, PlanFileFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (format == PlanFileFormat.Csv)
        {
            await CsvSheets.WriteAsync(output, tables, cancellationToken);
            return;
        }

        XlsxSheets.Write(output, tables, (name, column) =>
            PlanFileLayout.SheetNamed(name) is { } sheet && column < sheet.Columns.Count && sheet.Columns[column].Numeric);
    }

    internal static List<SheetTable> Tables(PlanSnapshot snapshot, IReadOnlyList<IndicatorValue> values, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(values);
        var plan = snapshot.Plan;
        var units = snapshot.Units;
        string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        var planTable = Table(PlanFileLayout.Plan, chinese);
        planTable.Rows.Add(new SheetRow(2,
        [
            plan.Code, plan.NameZh, plan.NameEn, PlanVocabulary.Word(plan.Level, chinese), units.CodeOf(plan.OwnerUnitId),
            Year(plan.StartYear), Year(plan.EndYear), Year(plan.VisionYear), PlanVocabulary.Word(plan.Status, chinese),
        ]));

        var itemTable = Table(PlanFileLayout.Items, chinese);
        foreach (var id in snapshot.Outline.DepthFirst)
        {
            var item = snapshot.Items[id];
            itemTable.Rows.Add(new SheetRow(itemTable.Rows.Count + 1,
            [
                snapshot.Outline.NumberOf(id),
                item.Code,
                item.ParentId is { } parent && snapshot.Items.TryGetValue(parent, out var p) ? p.Code : string.Empty,
                PlanVocabulary.Word(item.Kind, chinese),
                item.Position.ToString(CultureInfo.InvariantCulture),
                item.TextZh,
                item.TextEn,
                units.CodeOf(item.LeadUnitId),
                string.Join("; ", snapshot.PartnersOf(id).Select(u => units.CodeOf(u)).Order(StringComparer.Ordinal)),
                PlanChecks.FormatNumber(item.Weight),
                item.ImplementsItemId is { } linked && snapshot.Linked.TryGetValue(linked, out var l) ? l.Reference : string.Empty,
            ]));
        }

        var indicatorTable = Table(PlanFileLayout.Indicators, chinese);
        var indicators = snapshot.Indicators.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        foreach (var indicator in indicators)
        {
            indicatorTable.Rows.Add(new SheetRow(indicatorTable.Rows.Count + 1,
            [
                indicator.Code,
                snapshot.Items.TryGetValue(indicator.PlanItemId, out var item) ? item.Code : string.Empty,
                indicator.NameZh,
                indicator.NameEn,
                indicator.MeasureZh,
                indicator.MeasureEn,
                PlanVocabulary.Word(indicator.Category, chinese),
                PlanVocabulary.Word(indicator.Nature, chinese),
                PlanVocabulary.Word(indicator.Direction, chinese),
                Year(indicator.BaselineYear),
                PlanChecks.FormatNumber(indicator.BaselineValue),
                PlanChecks.FormatYearlyTargets(snapshot.TargetsOf(indicator.Id)),
                PlanChecks.FormatNumber(indicator.PeriodTarget),
                PlanChecks.FormatNumber(indicator.PeriodTargetUpper) ?? string.Empty,
                PlanChecks.FormatNumber(indicator.VisionTarget) ?? string.Empty,
                PlanChecks.FormatNumber(indicator.VisionTargetUpper) ?? string.Empty,
                units.CodeOf(indicator.ReportingUnitId),
                PlanVocabulary.Word(indicator.Frequency, chinese),
                PlanVocabulary.YesNo(indicator.IsIllustrative, chinese),
            ]));
        }

        var valueTable = Table(PlanFileLayout.Values, chinese);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        foreach (var indicator in indicators)
        {
            var measure = chinese || indicator.MeasureEn.Length == 0 ? indicator.MeasureZh : indicator.MeasureEn;
            foreach (var value in byIndicator[indicator.Id].OrderBy(v => v.Year).ThenBy(v => v.SubPeriod))
            {
                valueTable.Rows.Add(new SheetRow(valueTable.Rows.Count + 1,
                [
                    indicator.Code,
                    new ReportingPeriod(indicator.Frequency, value.Year, value.SubPeriod).ToString(),
                    PlanChecks.FormatNumber(value.Value),
                    measure,
                    value.Note,
                ]));
            }
        }

        return [planTable, itemTable, indicatorTable, valueTable];
    }

    /// <summary>The current value of every reported period of the plan's indicators (the newest row of each period).</summary>
    internal async Task<IReadOnlyList<IndicatorValue>> CurrentValuesAsync(int planId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => db.Set<Indicator>().Any(i => i.Id == v.IndicatorId && i.PlanId == planId))
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(v => (v.IndicatorId, v.Year, v.SubPeriod)).Select(g => g.MaxBy(v => v.Id)!)];
    }

    private static SheetTable Table(FileSheet sheet, bool chinese)
    {
        var table = new SheetTable(sheet.Name(chinese));
        table.Rows.Add(new SheetRow(1, [.. sheet.Columns.Select(c => c.Header(chinese))]));
        return table;
    }
}
