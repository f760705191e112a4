using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Followthrough.Calendar;
using Followthrough.Web;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough calendar ...</c>: working-day questions and schedule imports. Questions work without a database
/// (the built-in holiday data is enough) and never create one: a SQLite file that does not exist is not opened.
/// When the configured database exists, its imported schedules and regional days are used too.
/// </summary>
internal static class CalendarCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // holiday names stay readable Chinese, not \u escapes
    };

    private static readonly Option<string?> RegionOption = new("--region")
    {
        Description = "Region code, e.g. CN-LN-DL for Dalian (default: the national calendar)",
    };

    private static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print the answer as JSON",
    };

    public static Command Build()
    {
        var calendar = new Command("calendar", "China's working days: ask about dates, count working days, import a year's holiday schedule.");
        calendar.Subcommands.Add(IsWorkingDay());
        calendar.Subcommands.Add(AddWorkingDays());
        calendar.Subcommands.Add(Between());
        calendar.Subcommands.Add(Import());
        calendar.Subcommands.Add(Schedules());
        return calendar;
    }

    private static Command IsWorkingDay()
    {
        var date = new Argument<string>("DATE") { Description = "The date, YYYY-MM-DD" };
        var command = new Command("is-working-day", "Print yes or no: whether DATE is a working day (add --json for its kind and holiday name).")
        {
            date, RegionOption, JsonOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var day = CalendarInput.Date(parse.GetValue(date), "DATE", errors);
            var (calendar, region, output, error) = await OpenAsync(parse, errors, cancellationToken);
            var described = calendar.Describe(day!.Value);
            if (parse.GetValue(JsonOption))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    new { date = described.Date, region, isWorkingDay = described.IsWorkingDay, kind = CalendarInput.KindName(described.Kind), name = described.Name, provisional = described.Provisional },
                    Json));
            }
            else
            {
                await output.WriteLineAsync(described.IsWorkingDay ? "yes" : "no");
                await NoteProvisionalAsync(error, described.Provisional);
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command AddWorkingDays()
    {
        var date = new Argument<string>("DATE") { Description = "The start date (acceptance or assignment), YYYY-MM-DD; it is not counted" };
        var count = new Argument<string>("N") { Description = "The number of working days, 0 or more; day 1 is the next working day" };
        var command = new Command("add-working-days", "Print the date N working days after DATE.")
        {
            date, count, RegionOption, JsonOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var start = CalendarInput.Date(parse.GetValue(date), "DATE", errors);
            var n = CalendarInput.WorkingDays(parse.GetValue(count), "N", errors);
            var (calendar, _, output, error) = await OpenAsync(parse, errors, cancellationToken);
            WorkingDayResult result;
            try
            {
                result = calendar.AddWorkingDays(start!.Value, n!.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new CliException($"N: the result would be after {CalendarInput.Iso(WorkingCalendar.MaxDate)}, the end of the calendar.");
            }

            if (parse.GetValue(JsonOption))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { date = result.Date, provisional = result.Provisional }, Json));
            }
            else
            {
                await output.WriteLineAsync(CalendarInput.Iso(result.Date));
                await NoteProvisionalAsync(error, result.Provisional);
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Between()
    {
        var from = new Argument<string>("FROM") { Description = "The first date, YYYY-MM-DD (not counted)" };
        var to = new Argument<string>("TO") { Description = "The last date, YYYY-MM-DD (counted); before FROM gives a negative count" };
        var command = new Command("between", "Print the number of working days after FROM up to and including TO.")
        {
            from, to, RegionOption, JsonOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var first = CalendarInput.Date(parse.GetValue(from), "FROM", errors);
            var last = CalendarInput.Date(parse.GetValue(to), "TO", errors);
            var (calendar, _, output, error) = await OpenAsync(parse, errors, cancellationToken);
            var count = calendar.WorkingDaysBetween(first!.Value, last!.Value);
            if (parse.GetValue(JsonOption))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { workingDays = count.WorkingDays, provisional = count.Provisional }, Json));
            }
            else
            {
                await output.WriteLineAsync(count.WorkingDays.ToString(CultureInfo.InvariantCulture));
                await NoteProvisionalAsync(error, count.Provisional);
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A holiday-cn JSON file (e.g. 2027.json) or CSV with lines date,off|work[,name]" };
        var year = new Option<string?>("--year") { Description = "The notice year (default: the JSON file's year, or the latest year a CSV file lists)" };
        var format = new Option<string?>("--format") { Description = "json or csv (default: from the file name, else the content)" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("import", "Check a year's holiday schedule file and, when it is valid, store it (replacing that year's earlier import).")
        {
            file, RegionOption, year, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var region = CalendarInput.Region(parse.GetValue(RegionOption), "--region", errors);
            var notice = CalendarInput.Year(parse.GetValue(year), "--year", errors);
            ThrowIfInvalid(errors);
            var path = parse.GetValue(file)!;
            string content;
            try
            {
                content = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"Cannot read {path.FullName}: {error.Message}");
            }

            var chosen = parse.GetValue(format) switch
            {
                "json" => ScheduleFormat.Json,
                "csv" => ScheduleFormat.Csv,
                _ => ScheduleFile.DetectFormat(content, path.Name),
            };
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var result = await context.Get<CalendarStore>().ImportAsync(content, chosen, region, notice, path.Name, cancellationToken);
            if (result.Outcome is not { } outcome)
            {
                await context.Error.WriteLineAsync($"{path.Name} was not imported; nothing was changed:");
                foreach (var problem in result.Problems)
                {
                    await context.Error.WriteLineAsync($"  {problem}");
                }

                return FollowthroughCli.BadInput;
            }

            var whose = CalendarRegions.IsNational(outcome.Region) ? "national" : outcome.Region;
            await context.Output.WriteLineAsync(
                $"Imported the {outcome.Year} {whose} schedule from {path.Name}: {outcome.Days} days ({outcome.Added} added, {outcome.Changed} changed, {outcome.Removed} removed){(outcome.Replaced ? ", replacing the earlier import" : "")}.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Schedules()
    {
        var command = new Command("schedules", "List the national years: official (built in or imported) or provisional (weekends only).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (service, output, _) = await ServiceAsync(parse, cancellationToken);
            var snapshot = await service.SnapshotAsync(cancellationToken);
            foreach (var year in snapshot.NationalYears(ChinaClock.Today(TimeProvider.System).Year + 1))
            {
                var status = year.Official ? "official" : "provisional";
                var imported = year.ImportedAt is { } at ? $", imported {at:yyyy-MM-dd} by {year.ImportedBy}" : string.Empty;
                await output.WriteLineAsync($"{year.Year}  {status,-11}  {year.Source} ({year.Days} days{imported})");
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    /// <summary>The calendar for the command's region, from the database when there is one, else built in.</summary>
    private static async Task<(WorkingCalendar Calendar, string Region, TextWriter Output, TextWriter Error)> OpenAsync(
        ParseResult parse, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var region = CalendarInput.Region(parse.GetValue(RegionOption), "--region", errors);
        ThrowIfInvalid(errors);
        var (service, output, error) = await ServiceAsync(parse, cancellationToken);
        return (await service.GetAsync(region, cancellationToken), region!, output, error);
    }

    internal static async Task<(CalendarService Service, TextWriter Output, TextWriter Error)> ServiceAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var settings = CliContext.SettingsFrom(parse);
        if (settings.SqliteFile is { } file && file != ":memory:" && !File.Exists(file))
        {
            // No database yet: answer from the built-in data rather than creating ./data/followthrough.db for a question.
            return (CalendarService.FromSnapshot(CalendarSnapshot.Embedded), output, error);
        }

        // The context only lends its service; the service reads the database in a scope of its own and keeps nothing open.
        await using var context = await CliContext.OpenAsync(parse, migrate: false, cancellationToken);
        var service = context.Get<CalendarService>();
        var snapshot = await service.SnapshotAsync(cancellationToken);
        if (service.LastProblem is { } problem)
        {
            await error.WriteLineAsync(
                $"warning: the imported schedules in {settings.Describe()} could not be read ({problem}); answering from the built-in holiday data. "
                + "If the database is older than this program, run: followthrough migrate");
        }

        return (CalendarService.FromSnapshot(snapshot), output, error);
    }

    internal static async Task NoteProvisionalAsync(TextWriter error, bool provisional)
    {
        if (provisional)
        {
            await error.WriteLineAsync("note: provisional - the count reaches a year with no official holiday schedule loaded, where only weekends are rest days.");
        }
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new CliException(string.Join(Environment.NewLine, errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
    }
}
