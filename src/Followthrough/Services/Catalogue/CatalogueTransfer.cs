using System.Globalization;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Storage.Files;
using Microsoft.EntityFrameworkCore;
using static Followthrough.Services.Catalogue.CatalogueFileLayout;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// The catalogue in and out of Excel (<see cref="CatalogueFileLayout"/>), through the product's guarded reader and its
/// one table writer. An import checks the whole file first and reports every bad cell; it writes all of it (new items,
/// and a new version of each changed item, in one transaction with their audit entries) or nothing.
/// </summary>
public sealed class CatalogueTransfer(FollowthroughDb db, OrganizationDirectory directory, ServiceCatalogue catalogue, FileLimits limits)
{
    public async Task<CatalogueImportResult> ImportAsync(byte[] content, string fileName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        IReadOnlyList<TableSheet> sheets;
        try
        {
            sheets = UntrustedFile.ReadWorkbook(content, limits, static (type, text) => type == "b" ? (text == "1" ? "yes" : "no") : text);
        }
        catch (FileRefusedException refused)
        {
            return Refused([new(fileName, 0, string.Empty, refused.Message)]);
        }

        var units = (await directory.UnitsAsync(activeOnly: true, cancellationToken)).ToDictionary(u => u.Code.ToUpperInvariant(), u => u.Id, StringComparer.Ordinal);
        var reader = new CatalogueFileReader(units);
        var rows = reader.Read(sheets);
        var problems = reader.Problems;
        var valid = new List<(FileRow Row, CheckedItem Values)>();
        foreach (var row in rows)
        {
            var errors = new ValidationErrors();
            var values = ServiceItemRules.Check(row.Input with
            {
                Materials = [.. row.Materials.Select(m => m.Material)],
                Fields = row.Fields is null ? null : [.. row.Fields.Select(f => f.Field)],
                ReviewSteps = row.ReviewSteps is null ? null : [.. row.ReviewSteps.Select(f => f.Step)],
            }, errors);
            problems.AddRange(Problems(row, errors));
            if (values is not null)
            {
                valid.Add((row, values));
            }
        }

        var codes = valid.Select(v => v.Values.Code).ToList();
        var existing = await db.Set<ServiceItem>().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (row, values) in valid)
        {
            if (!existing.TryGetValue(values.Code, out var item))
            {
                if (row.Withdrawn)
                {
                    problems.Add(new(ItemsSheet, row.Number, Withdrawn, "A new item cannot arrive withdrawn."));
                    continue;
                }

                item = new ServiceItem { Code = values.Code, NameZh = values.NameZh, NameEn = values.NameEn };
                ServiceCatalogue.Apply(item, values);
                catalogue.AddVersion(item, 1, "imported");
                created++;
            }
            else if (item.Withdrawn || row.Withdrawn)
            {
                if (item.Withdrawn && row.Withdrawn)
                {
                    unchanged++;
                    continue;
                }

                problems.Add(new(ItemsSheet, row.Number, Withdrawn, item.Withdrawn
                    ? $"The item {item.Code} is withdrawn and cannot be changed."
                    : $"Withdraw {item.Code} in the product, with a reason, not by import."));
            }
            else
            {
                var kept = new ValidationErrors(); // a file without review steps keeps the item's: they must still fit its limit
                ReviewStepRules.CheckSum(values.ReviewSteps is null ? ServiceCatalogue.ToEntry(item).ReviewSteps : [], values.CommittedDays, kept);
                if (!kept.IsEmpty)
                {
                    problems.Add(new(ItemsSheet, row.Number, CommittedDays, ReviewStepRules.OverCommitted));
                    continue;
                }

                var before = JsonSerializer.Serialize(ServiceCatalogue.ToEntry(item), ServiceCatalogue.Json);
                ServiceCatalogue.Apply(item, values);
                if (JsonSerializer.Serialize(ServiceCatalogue.ToEntry(item), ServiceCatalogue.Json) == before)
                {
                    unchanged++;
                    continue;
                }

                catalogue.AddVersion(item, item.Version + 1, "imported");
                updated++;
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Refused([.. problems.OrderBy(p => p.Sheet == ItemsSheet ? 0 : 1).ThenBy(p => p.Row)]);
        }

        if (dryRun || created + updated == 0)
        {
            db.ChangeTracker.Clear();
            return new CatalogueImportResult([], created, updated, unchanged, Written: false);
        }

        db.DescribeNextSave("imported", fileName);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogueImportResult([], created, updated, unchanged, Written: true);
    }

    /// <summary>Writes every item (withdrawn ones too, marked) as an .xlsx workbook the import reads back unchanged.</summary>
    public async Task ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var units = (await directory.UnitsAsync(activeOnly: false, cancellationToken)).ToDictionary(u => u.Id, u => u.Code);
        var items = await catalogue.AllAsync(cancellationToken);
        var itemRows = new List<TableRow> { new(1, ItemColumns) };
        var materialRows = new List<TableRow> { new(1, MaterialColumns) };
        foreach (var item in items)
        {
            itemRows.Add(new TableRow(itemRows.Count + 1,
            [
                item.Code, item.NameZh, item.NameEn, units.GetValueOrDefault(item.UnitId, string.Empty), item.Kind.ToString(), item.Level.ToString(),
                Number(item.StatutoryDays), Number(item.CommittedDays), Number(item.Visits), item.Fee.ToString("0.##", CultureInfo.InvariantCulture),
                YesNo(item.AutoDecidable), string.Join(';', item.LifeEvents), item.LegalBasis, YesNo(item.Withdrawn),
            ]));
            foreach (var m in item.Materials)
            {
                materialRows.Add(new TableRow(materialRows.Count + 1, [item.Code, m.NameZh, m.NameEn, m.Format.ToString(), YesNo(m.ElectronicLicence)]));
            }
        }

        int[] numeric = [Array.IndexOf(ItemColumns, StatutoryDays), Array.IndexOf(ItemColumns, CommittedDays), Array.IndexOf(ItemColumns, Visits), Array.IndexOf(ItemColumns, Fee)];
        SpreadsheetWriter.WriteXlsx(
            output,
            [new TableSheet(ItemsSheet, itemRows), new TableSheet(MaterialsSheet, materialRows), CatalogueFieldsSheet.Write(items), CatalogueReviewStepsSheet.Write(items)],
            new XlsxLayout(HeaderRow: true, Numeric: (sheet, column) => sheet == ItemsSheet && numeric.Contains(column)));
    }

    private static IEnumerable<CatalogueFileProblem> Problems(FileRow row, ValidationErrors errors)
    {
        foreach (var (field, messages) in errors.ToDictionary())
        {
            if (field.StartsWith("materials[", StringComparison.Ordinal))
            {
                var index = int.Parse(field["materials[".Length..^1], CultureInfo.InvariantCulture);
                foreach (var message in messages)
                {
                    var column = message == ServiceItemRules.MaterialFormatUnknown ? Format : NameZh + "/" + NameEn;
                    yield return new(MaterialsSheet, row.Materials[index].Row, column, message);
                }

                continue;
            }

            if ((CatalogueFieldsSheet.Problems(row, field, messages) ?? CatalogueReviewStepsSheet.Problems(row, field, messages)) is { } fieldProblems)
            {
                foreach (var problem in fieldProblems)
                {
                    yield return problem;
                }

                continue;
            }

            var name = field == "materials" ? string.Empty : ItemColumnOf(field);
            if (row.Reported.Contains(name))
            {
                continue; // the cell could not be read at all; that was said already
            }

            foreach (var message in messages)
            {
                yield return new(ItemsSheet, row.Number, name, message);
            }
        }
    }

    private static CatalogueImportResult Refused(IReadOnlyList<CatalogueFileProblem> problems) => new(problems, 0, 0, 0, Written: false);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
