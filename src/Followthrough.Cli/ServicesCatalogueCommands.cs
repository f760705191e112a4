using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;

namespace Followthrough.Cli;

/// <summary><c>services list</c>, <c>services import FILE</c>, <c>services export FILE</c>: the service catalogue.</summary>
internal static class ServicesCatalogueCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // item names stay readable Chinese
    };

    public static Command List()
    {
        var search = new Option<string?>("--search") { Description = "Find items by code or name, in Chinese or English (any length)" };
        var unit = new Option<string?>("--unit") { Description = "Only the items of this unit (its code, e.g. DL-MSA)" };
        var level = new Option<string?>("--level") { Description = "Only this delivery level: RunImmediately, Online, AtMostOnce or OnThePalm" };
        var withdrawn = new Option<bool>("--withdrawn") { Description = "Include withdrawn items" };
        var json = new Option<bool>("--json") { Description = "Print the items as JSON" };
        var command = new Command("list", "List the service catalogue's items in code order (at most 200), searched and filtered.")
        {
            search, unit, level, withdrawn, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsedLevel = ServiceItemRules.ParseLevel(parse.GetValue(level));
            if (parse.GetValue(level) is { } l && parsedLevel is null)
            {
                throw new CliException($"--level: {ServiceItemRules.LevelUnknown}");
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var units = await context.Get<OrganizationDirectory>().UnitsAsync(activeOnly: false, cancellationToken);
            int? unitId = null;
            if (parse.GetValue(unit) is { } code)
            {
                unitId = units.FirstOrDefault(u => u.Code.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
                    ?? throw new CliException($"--unit: there is no unit with the code {code}.");
            }

            var filter = new CatalogueFilter(parse.GetValue(search), unitId, parsedLevel, null, parse.GetValue(withdrawn));
            var page = await context.Get<ServiceCatalogue>().SearchAsync(filter, new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(page, Json));
                return FollowthroughCli.Ok;
            }

            var codes = units.ToDictionary(u => u.Id, u => u.Code);
            foreach (var item in page.Items)
            {
                var state = item.Withdrawn ? "  (withdrawn)" : item.AutoDecidable ? "  (auto)" : string.Empty;
                await context.Output.WriteLineAsync(
                    $"{item.Code,-16} {codes.GetValueOrDefault(item.UnitId),-8} {item.Level,-14} {item.CommittedDays,3}/{item.StatutoryDays,-3} {item.NameZh}  {item.NameEn}{state}");
            }

            await context.Error.WriteLineAsync($"{page.Items.Count} of {page.Total} item(s).");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    public static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The catalogue workbook (.xlsx, sheets Items and Materials)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change, but write nothing" };
        var command = new Command("import", "Import a catalogue workbook. The whole file is checked first; every bad cell is listed with its sheet, row and column, and nothing is written unless the file is valid. Items are matched by code; each changed item gets a new version.")
        {
            file, dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName} does not exist.");
            }

            var content = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var result = await context.Get<CatalogueTransfer>().ImportAsync(content, path.Name, parse.GetValue(dryRun), cancellationToken);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync($"{path.Name}: {result.Problems.Count} problem(s); nothing was imported.");
                foreach (var problem in result.Problems)
                {
                    await context.Error.WriteLineAsync($"  {problem}");
                }

                return FollowthroughCli.BadInput;
            }

            var verb = result.Written ? "imported" : parse.GetValue(dryRun) ? "checked (nothing written)" : "unchanged (the file matches the catalogue)";
            await context.Output.WriteLineAsync($"{path.Name}: {verb}. {result.Created} new, {result.Updated} changed, {result.Unchanged} unchanged.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    public static Command Export()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The workbook to write (.xlsx)" };
        var command = new Command("export", "Write the whole catalogue (withdrawn items marked) as an Excel workbook in the layout the import reads.")
        {
            file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            using var buffer = new MemoryStream();
            await context.Get<CatalogueTransfer>().ExportAsync(buffer, cancellationToken);
            try
            {
                await File.WriteAllBytesAsync(path.FullName, buffer.ToArray(), cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot write {path.FullName}: {error.Message}", FollowthroughCli.Failed);
            }

            await context.Error.WriteLineAsync($"Wrote {path.FullName}");
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
