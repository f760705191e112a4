using System.CommandLine;
using System.Globalization;
using Followthrough.Calendar;
using Followthrough.Demo;
using Followthrough.Directives.Extraction;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.Extensions.Configuration;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough extract FILE</c>: drafts the task list of a meeting record, speech, work report or inspection
/// feedback. Reads the file as UTF-8, finds the directives and prints them as JSON (the stable contract, see
/// <see cref="DirectiveJson"/>) or as a table. Needs no database: the demo units and China's holiday data are built
/// in; the units and imported holiday schedules of a configured database are used when it exists and answers.
/// Working days ("within 20 working days", 20个工作日内) are counted in the calendar region tasks use (Dalian by default).
/// </summary>
public static class ExtractCommand
{
    private static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(5);

    public static Command Build(TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "The document: a UTF-8 text file (a UTF-8 byte order mark is allowed and skipped)" };
        var language = new Option<string>("--lang")
        {
            Description = "The document's language: auto (detect), en or zh",
            DefaultValueFactory = _ => "auto",
        };
        language.AcceptOnlyFromAmong("auto", "en", "zh");
        var date = new Option<string?>("--date")
        {
            Description = "The document's date, against which \"by the end of June\" or 年底前 is resolved (default: today in Beijing time, from the system clock)",
            HelpName = "YYYY-MM-DD",
        };
        var format = new Option<string>("--format")
        {
            Description = "json (one array, one object per directive; the stable contract) or table (for reading)",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "table");

        var command = new Command(
            "extract",
            "Find the directives in a document: who is asked to do what, by when. Offsets are UTF-16 code units into the file's text "
            + "(after a UTF-8 byte order mark, if any). Exit codes: 0 done (also when nothing was found), 2 bad input "
            + "(missing, empty, binary, too large, not English or Chinese, bad option).")
        {
            file,
            language,
            date,
            format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var text = Read(parse.GetValue(file)!);
            var documentDate = DocumentDate(parse.GetValue(date), clock);
            var forced = parse.GetValue(language) switch
            {
                "en" => DocumentLanguage.English,
                "zh" => DocumentLanguage.Chinese,
                _ => (DocumentLanguage?)null,
            };
            if (forced is null && LanguageDetector.Detect(text) == DocumentLanguage.Unknown)
            {
                throw new CliException("The document is neither English nor Chinese; Followthrough reads only these two (use --lang to force one).");
            }

            var (registry, calendar) = await ReferenceDataAsync(parse, error, cancellationToken);
            var result = new DirectiveExtractor(registry, (from, days) => calendar.AddWorkingDays(from, days).Date).Extract(text, documentDate, forced);
            if (parse.GetValue(format) == "table")
            {
                await DirectiveTable.WriteAsync(output, result, documentDate);
            }
            else
            {
                await output.WriteLineAsync(DirectiveJson.Serialize(result.Directives));
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static string Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new CliException(Directory.Exists(path) ? $"{path} is a folder, not a file." : $"No such file: {path}");
        }

        if (info.Length > DocumentText.MaxBytes)
        {
            throw new CliException($"{path}: the file is larger than {DocumentText.MaxBytes / (1024 * 1024)} MB.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot read the file ({problem.Message}).");
        }

        var decoded = DocumentText.Decode(bytes);
        return decoded.Text ?? throw new CliException($"{path}: {decoded.Problem}");
    }

    private static DateOnly DocumentDate(string? value, TimeProvider clock)
    {
        if (value is null)
        {
            return ChinaClock.Today(clock);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw new CliException($"--date must be a date written YYYY-MM-DD, not \"{value}\".");
    }

    /// <summary>
    /// The units and the working-day calendar of the configured database when there is one and it answers
    /// (an existing SQLite file or a reachable PostgreSQL server); otherwise the demo units and the calendar built
    /// from the embedded holiday data. Extracting never creates a database.
    /// </summary>
    private static async Task<(ActorRegistry Registry, WorkingCalendar Calendar)> ReferenceDataAsync(
        ParseResult parse, TextWriter error, CancellationToken cancellationToken)
    {
        var region = TaskRegion();
        var fallback = (DemoActors.Registry, Calendar(CalendarSnapshot.Embedded, region));
        var settings = CliContext.SettingsFrom(parse);
        var configured = parse.GetValue(CliContext.DatabaseOption) is { Length: > 0 }
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Followthrough__Database"));
        if (settings.SqliteFile is { } file && file != ":memory:" && !File.Exists(file))
        {
            if (configured)
            {
                await error.WriteLineAsync($"Note: {settings.Describe()} does not exist; using the built-in demo units.");
            }

            return fallback;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(DatabaseWait);
        try
        {
            await using var context = await CliContext.OpenAsync(parse, migrate: false, wait.Token);
            var units = (await context.Get<OrganizationDirectory>().UnitsAsync(activeOnly: false, wait.Token)).OrderBy(u => u.Id).ToList();
            var snapshot = await context.Get<CalendarService>().SnapshotAsync(wait.Token);
            var calendar = Calendar(snapshot, region);
            if (units.Count == 0)
            {
                await error.WriteLineAsync($"Note: {settings.Describe()} holds no units yet; using the built-in demo units.");
                return (DemoActors.Registry, calendar);
            }

            return (ActorRegistry.FromUnits(units), calendar);
        }
        catch (Exception problem) when (problem is System.Data.Common.DbException or InvalidOperationException or OperationCanceledException or TimeoutException or IOException)
        {
            await error.WriteLineAsync($"Note: the database ({settings.Describe()}) cannot be read ({FirstLine(problem.Message)}); using the built-in demo units and holiday data.");
            return fallback;
        }
    }

    /// <summary>
    /// The calendar region tasks count working days in (Followthrough:Tasks:CalendarRegion, Dalian by default), so that
    /// a deadline drafted here is the deadline the task will have.
    /// </summary>
    private static string TaskRegion() =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build()[$"{TaskOptions.Section}:{nameof(TaskOptions.CalendarRegion)}"]
            is { Length: > 0 } region ? region : new TaskOptions().CalendarRegion;

    private static WorkingCalendar Calendar(CalendarSnapshot snapshot, string region)
    {
        try
        {
            return snapshot.For(region);
        }
        catch (ArgumentException)
        {
            return snapshot.For(null);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
