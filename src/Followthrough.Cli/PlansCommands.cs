using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Followthrough.Plans;
using Followthrough.Plans.Files;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Cli;

/// <summary>
/// <c>plans import FILE</c>, <c>plans export PLAN</c> and <c>indicators status PLAN</c>: plan files in and out, and
/// the status of a plan's indicators, for the planning office's scripts and for large files the web form does not take.
/// </summary>
internal static class PlansCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var plans = new Command("plans", "Plans: import and export plan files (CSV or Excel).");
        plans.Subcommands.Add(Import());
        plans.Subcommands.Add(Export());
        return plans;
    }

    public static Command BuildIndicators()
    {
        var indicators = new Command("indicators", "Plan indicators.");
        var plan = new Argument<string>("PLAN") { Description = "The plan's code, e.g. DL-14FYP" };
        var json = new Option<bool>("--json") { Description = "Write the statuses as JSON instead of a table" };
        var status = new Command("status", "Show each indicator of a plan with its latest figure, what the plan expects and its status (on track, at risk, off track, no data).");
        status.Arguments.Add(plan);
        status.Options.Add(json);
        status.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var code = PlanChecks.NormalizeCode(parse.GetValue(plan));
            var snapshot = await context.Get<IndicatorStatusReader>().ReadAsync(code, cancellationToken)
                ?? throw new CliException($"There is no plan with the code {code}.");
            if (parse.GetValue(json))
            {
                var report = new
                {
                    plan = snapshot.Status,
                    indicators = snapshot.Indicators.Select(i => new { i.Code, i.NameZh, i.NameEn, reportingUnit = i.ReportingUnitCode, status = IndicatorStatusDto.From(i.Assessment) }),
                };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
                return FollowthroughCli.Ok;
            }

            var totals = snapshot.Totals;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{snapshot.PlanCode} {snapshot.PlanNameEn} — as of {snapshot.Today:yyyy-MM-dd}: {totals.OnTrack} on track, {totals.AtRisk} at risk, {totals.OffTrack} off track, {totals.NoData} no data; progress {PlanLabels.Percent(snapshot.Progress)}"));
            await context.Output.WriteLineAsync();
            await context.Output.WriteLineAsync($"{"CODE",-28} {"STATUS",-10} {"LATEST",-20} {"EXPECTED",-16} NAME");
            foreach (var indicator in snapshot.Indicators)
            {
                var a = indicator.Assessment;
                var latest = a.Latest is { } l ? $"{PlanChecks.FormatNumber(l.Value)} ({l.Period})" : "-";
                var expected = a.Expected is { } e ? (e.Upper is { } u ? $"{PlanChecks.FormatNumber(e.Value)}-{PlanChecks.FormatNumber(u)}" : PlanChecks.FormatNumber(Math.Round(e.Value, 4))) : "-";
                var overdue = a.Overdue is { } o ? $" (due: {o})" : string.Empty;
                await context.Output.WriteLineAsync($"{indicator.Code,-28} {PlanVocabulary.Word(a.Status),-10} {latest,-20} {expected,-16} {indicator.NameEn}{overdue}");
            }

            return FollowthroughCli.Ok;
        });
        indicators.Subcommands.Add(status);
        return indicators;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The plan file: .csv or .xlsx (the extension decides the format)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would change, but write nothing" };
        var command = new Command("import", "Import a plan file. The whole file is checked first; every problem is listed with its sheet, row and column, and nothing is written unless the file is valid. Records are matched by code; importing the same file again changes nothing.");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName} does not exist.");
            }

            var content = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var outcome = await context.Get<PlanImporter>().ImportAsync(content, path.Name, new ImportOptions(parse.GetValue(dryRun)), cancellationToken);
            if (!outcome.Succeeded)
            {
                await context.Error.WriteLineAsync($"{path.Name}: {outcome.Problems.Count} problem(s); nothing was imported.");
                foreach (var problem in outcome.Problems)
                {
                    await context.Error.WriteLineAsync($"  {problem}");
                }

                return FollowthroughCli.BadInput;
            }

            var s = outcome.Summary!;
            var verb = s.Applied ? "imported" : parse.GetValue(dryRun) ? "checked (nothing written)" : "unchanged (the file matches what is on record)";
            await context.Output.WriteLineAsync($"{s.PlanCode}: {verb}. Items {s.ItemsCreated} new, {s.ItemsUpdated} changed; indicators {s.IndicatorsCreated} new, {s.IndicatorsUpdated} changed; values recorded {s.ValuesRecorded}.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var plan = new Argument<string>("PLAN") { Description = "The plan's code, e.g. DL-14FYP" };
        var format = new Option<string>("--format") { Description = "csv or xlsx", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo?>("--output") { Description = "Write to this file (default: CSV to standard output; Excel to PLAN.xlsx)" };
        var language = new Option<string>("--language") { Description = "Headers and words in en or zh", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "zh");
        var command = new Command("export", "Export a plan with its items, indicators and current values as CSV or Excel, in the layout the import reads.");
        command.Arguments.Add(plan);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(language);
        command.SetAction(async (parse, cancellationToken) =>
        {
            PlanExporter.TryFormatOf(parse.GetValue(format), out var fileFormat);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var code = PlanChecks.NormalizeCode(parse.GetValue(plan));
            var planId = await context.Get<IndicatorStatusReader>().PlanIdAsync(code, cancellationToken)
                ?? throw new CliException($"There is no plan with the code {code}.");
            using var buffer = new MemoryStream();
            await context.Get<PlanExporter>().ExportAsync(planId, fileFormat, parse.GetValue(language) == "zh", buffer, cancellationToken);
            var target = parse.GetValue(output);
            if (target is null && fileFormat == PlanFileFormat.Csv)
            {
                await context.Output.WriteAsync(new UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                return FollowthroughCli.Ok;
            }

            var path = target?.FullName ?? Path.GetFullPath(code + PlanExporter.Extension(fileFormat));
            await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken);
            await context.Error.WriteLineAsync($"Wrote {path}");
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
