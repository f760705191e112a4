using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Followthrough.Ratings.Figures;
using Followthrough.Ratings.Publication;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough ratings stats --month YYYY-MM [--json]</c> prints a month's ratings figures per unit;
/// <c>followthrough ratings publish --month YYYY-MM</c> publishes a month that is over (once; exit 1 when it was).
/// </summary>
internal static class RatingsCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly CurrentUser Office = new(null, "cli", Role.Supervisor, null);

    public static Command Build()
    {
        var ratings = new Command("ratings", "Citizen ratings (好差评): the monthly figures and their publication.");
        ratings.Subcommands.Add(Stats());
        ratings.Subcommands.Add(Publish());
        return ratings;
    }

    private static Command Stats()
    {
        var month = new Option<string?>("--month") { Description = "The month, YYYY-MM (default: this month in China)" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (the API's answer)" };
        var command = new Command("stats", "Print a month's ratings figures per unit: ratings, each grade's share, satisfaction rate, bad ratings, rectified (on time), called back, appeals upheld.")
        {
            month, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asked = CheckedMonth(parse.GetValue(month));
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var figures = (await context.Get<RatingFigures>().MonthAsync(Office, asked, null, cancellationToken)).Value!;
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(figures, Json));
                return FollowthroughCli.Ok;
            }

            await context.Output.WriteLineAsync($"Ratings figures for {figures.Month} (ratings given in the month, less those taken out by an upheld appeal)");
            const string Line = "{0,-12} {1,8} {2,7} {3,7} {4,7} {5,7} {6,7} {7,7} {8,5} {9,9} {10,7} {11,7} {12,6}";
            await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Line,
                "unit", "ratings", "v.sat", "sat", "basic", "dissat", "v.dis", "sat%", "bad", "rectified", "ontime", "called", "upheld"));
            foreach (var row in figures.Units.Append(figures.Total))
            {
                await context.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Line,
                    row.UnitId is null ? "TOTAL" : row.UnitCode, row.Received, row.VerySatisfied, row.Satisfied, row.BasicallySatisfied,
                    row.Dissatisfied, row.VeryDissatisfied, row.SatisfactionPercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                    row.Bad, row.Rectified, row.RectifiedOnTime, row.CalledBack, row.AppealsUpheld));
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Publish()
    {
        var month = new Option<string?>("--month") { Description = "The month to publish, YYYY-MM; it must be over", Required = true };
        var command = new Command("publish", "Publish a month's ratings figures on the public page (/public/ratings). A published month never changes.")
        {
            month,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var asked = CheckedMonth(parse.GetValue(month));
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var outcome = await context.Get<RatingPublications>().PublishAsync(Office, asked, cancellationToken);
            if (!outcome.IsDone)
            {
                throw new CliException(outcome.Refusal.Reason ?? "The month was not published.", FollowthroughCli.Failed);
            }

            var published = outcome.Value!;
            await context.Output.WriteLineAsync(
                $"Published {published.Month}: {published.Figures.Total.Received} ratings of {published.Figures.Units.Count} units; SHA-256 {published.Sha256}.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static string CheckedMonth(string? text)
    {
        var asked = text ?? ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var errors = new ValidationErrors();
        return RatingFigures.Month(asked, "--month", errors)
            ?? throw new CliException(string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
    }
}
