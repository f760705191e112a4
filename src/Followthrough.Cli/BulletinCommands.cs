using System.CommandLine;
using System.Globalization;
using Followthrough.Evaluation;
using Followthrough.Tasks;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough bulletin PERIOD --format xlsx|csv [--output FILE]</c>: the evaluation bulletin (通报) as a file,
/// the same table the web page exports, in English.
/// </summary>
internal static class BulletinCommands
{
    public static Command Build()
    {
        var period = new Argument<string>("period") { Description = "The period: " + EvaluationPeriod.Formats };
        var format = new Option<string>("--format")
        {
            Description = "xlsx or csv",
            DefaultValueFactory = _ => "csv",
        };
        var output = new Option<string?>("--output") { Description = "Write to this file; without it, csv goes to standard output and xlsx to bulletin-PERIOD.xlsx" };
        var command = new Command(
            "bulletin",
            "Write the bulletin for a period: per lead unit, tasks due, closed on time, closed late, still overdue, on-time rate, "
            + "reports due and on time, average delay in working days, quality score, and the ranking with its rule. "
            + "A period that cannot be read, or an unknown format, exits with code 2.");
        command.Arguments.Add(period);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Subcommands.Add(BuildSummarize());
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!EvaluationPeriod.TryParse(parse.GetValue(period), out var parsed, out var error))
            {
                throw new CliException(error);
            }

            var kind = (parse.GetValue(format) ?? string.Empty).Trim().ToLowerInvariant();
            if (kind is not ("csv" or "xlsx"))
            {
                throw new CliException($"The format is xlsx or csv, not '{parse.GetValue(format)}'.");
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var bulletin = await context.Get<BulletinBuilder>().BuildAsync(parsed, cancellationToken);
            var table = BulletinTable.Build(bulletin, key => key, CultureInfo.InvariantCulture);
            var path = parse.GetValue(output);
            if (kind == "csv" && string.IsNullOrEmpty(path))
            {
                await context.Output.WriteAsync(System.Text.Encoding.UTF8.GetString(table.ToCsv()).TrimStart('\uFEFF'));
                return FollowthroughCli.Ok;
            }

            path ??= parsed.FileStem + ".xlsx";
            await File.WriteAllBytesAsync(path, kind == "csv" ? table.ToCsv() : table.ToXlsx(), cancellationToken);
            await context.Output.WriteLineAsync($"{path}: bulletin {parsed.Key}, {bulletin.Rows.Count} unit(s), {bulletin.Rows.Count(r => r.Rank is not null)} ranked.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    /// <summary><c>followthrough bulletin summarize [--batch N]</c>: fills the tasks' summaries of answered reporting periods.</summary>
    private static Command BuildSummarize()
    {
        var batch = new Option<int>("--batch")
        {
            Description = "Tasks per transaction",
            DefaultValueFactory = _ => ReportedPeriodSummaries.DefaultBatch,
        };
        var command = new Command(
            "summarize",
            "Summarize each task's answered reporting periods where the summary is missing (new reports, returned reports and "
            + "changed cadences, assignment days or deadlines clear it), so the bulletin need not read the reports. The bulletin's "
            + "figures are the same without it, only slower. Safe to stop and to run again; the daily supervision run and "
            + "demo generate run it too.");
        command.Options.Add(batch);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batch);
            if (size < 1)
            {
                throw new CliException("--batch is a number of tasks, at least 1.");
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var written = await context.Get<ReportedPeriodSummaries>().FillAsync(size, cancellationToken: cancellationToken);
            await context.Output.WriteLineAsync(
                $"Summarized the reporting periods of {written.ToString("N0", CultureInfo.InvariantCulture)} task(s) in {watch.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture)} s.");
            return FollowthroughCli.Ok;
        });
        return command;
    }
}
