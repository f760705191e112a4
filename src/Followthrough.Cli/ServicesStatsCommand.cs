using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Followthrough.Services.Figures;

namespace Followthrough.Cli;

/// <summary><c>followthrough services stats --month YYYY-MM [--json]</c>: a month's service figures per unit.</summary>
internal static class ServicesStatsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly CurrentUser Office = new(null, "cli", Role.Supervisor, null);

    public static Command Build()
    {
        var month = new Option<string?>("--month") { Description = "The month, YYYY-MM (default: this month in China)" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (the API's answer)" };
        var command = new Command("stats", "Print a month's service figures per unit: items by delivery level, applications received and decided, on time, decided by rules, average working days used against the committed and statutory limits, visits.")
        {
            month, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asked = parse.GetValue(month) ?? ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var errors = new ValidationErrors();
            if (ServiceFigures.Month(asked, "--month", errors) is null)
            {
                throw new CliException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var figures = (await context.Get<ServiceFigures>().MonthAsync(Office, asked, cancellationToken)).Value!;
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(figures, Json));
                return FollowthroughCli.Ok;
            }

            await context.Output.WriteLineAsync($"Service figures for {figures.Month} (items in force now; applications received and decided in the month)");
            await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0,-12} {1,5} {2,5} {3,5} {4,5} {5,8} {6,7} {7,7} {8,7} {9,7} {10,6} {11,6} {12,6} {13,6}",
                "unit", "now", "online", "once", "palm", "received", "decided", "on time", "auto", "visits", "used", "commit", "statut", "on%"));
            foreach (var row in figures.Units.Append(figures.Total))
            {
                await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                    "{0,-12} {1,5} {2,5} {3,5} {4,5} {5,8} {6,7} {7,7} {8,7} {9,7} {10,6} {11,6} {12,6} {13,6}",
                    row.UnitId is null ? "TOTAL" : row.UnitCode, row.Items.RunImmediately, row.Items.Online, row.Items.AtMostOnce, row.Items.OnThePalm,
                    row.Received, row.Decided, row.OnTime, row.AutoDecided, row.Visits,
                    Show(row.AverageDaysUsed), Show(row.AverageCommittedDays), Show(row.AverageStatutoryDays), Show(row.OnTimePercent)));
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static string Show(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
