using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Followthrough.Organization;
using Followthrough.Organization.Import;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough units import|export|list</c>: the unit directory as the CSV file that supervision offices and
/// units exchange (columns code, name_zh, name_en, kind, parent_code, aliases separated by '|', active).
/// </summary>
internal static class UnitsCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Chinese names as text, not \uXXXX
    };

    public static Command Build()
    {
        var units = new Command("units", "The directory of units: import and export it as CSV, list it.");
        units.Subcommands.Add(Import());
        units.Subcommands.Add(Export());
        units.Subcommands.Add(List());
        return units;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "The CSV file (UTF-8, header row: " + string.Join(',', UnitCsv.Columns) + ")" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change, without writing anything" };
        var command = new Command(
            "import",
            "Create or update units from a CSV file, matched by code. The whole file is checked first: when any row is "
            + "wrong, every problem is listed (row and column), nothing is written and the exit code is 2. Parents may come "
            + "after their children. Rows that change nothing are skipped, so importing an export again writes nothing.");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"There is no file {path}.");
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            ImportResult result;
            try
            {
                // Strict UTF-8: a file saved as GBK by a spreadsheet is refused instead of read as garbled names.
                using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
                result = await context.Get<UnitImporter>().ImportAsync(reader, $"units import {Path.GetFileName(path)}", parse.GetValue(dryRun), cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"{path} is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again.");
            }

            var plan = result.Plan;
            if (!plan.IsValid)
            {
                await context.Error.WriteLineAsync($"{path}: {plan.Problems.Count} problem(s); nothing was imported.");
                foreach (var problem in plan.Problems)
                {
                    await context.Error.WriteLineAsync($"  {problem}");
                }

                return FollowthroughCli.BadInput;
            }

            var summary = $"{plan.Count(ImportChange.Create)} created, {plan.Count(ImportChange.Update)} updated, {plan.Count(ImportChange.Unchanged)} unchanged";
            await context.Output.WriteLineAsync(result.Applied || plan.Units.All(u => u.Change == ImportChange.Unchanged)
                ? $"{path}: {summary}."
                : $"{path}: would be {summary} (dry run: nothing was written).");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string?>("file")
        {
            Description = "Where to write the CSV (UTF-8 with a byte order mark, so spreadsheets read the Chinese names); standard output when left out",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("export", "Write every unit, active or not, as CSV in code order: the format units import reads.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var importer = context.Get<UnitImporter>();
            if (string.IsNullOrEmpty(path))
            {
                await importer.ExportAsync(context.Output, cancellationToken);
                return FollowthroughCli.Ok;
            }

            try
            {
                await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                await importer.ExportAsync(writer, cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot write {path}: {error.Message}", FollowthroughCli.Failed);
            }

            await context.Output.WriteLineAsync($"Wrote {path}.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print the units as JSON, as the REST API gives them" };
        var command = new Command("list", "List every unit in code order: code, kind, parent, names, and whether it is inactive.");
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var units = await context.Get<OrganizationDirectory>().UnitsAsApiAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(units, Json));
                return FollowthroughCli.Ok;
            }

            var codeWidth = Math.Max(4, units.Count == 0 ? 0 : units.Max(u => u.Code.Length));
            var kindWidth = Enum.GetNames<UnitKind>().Max(n => n.Length);
            foreach (var unit in units)
            {
                var state = unit.IsActive ? string.Empty : "  (inactive)";
                await context.Output.WriteLineAsync(
                    $"{unit.Code.PadRight(codeWidth)}  {unit.Kind.PadRight(kindWidth)}  {(unit.ParentCode ?? "-").PadRight(codeWidth)}  {unit.NameZh}  {unit.NameEn}{state}");
            }

            await context.Output.WriteLineAsync($"{units.Count} unit(s).");
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
