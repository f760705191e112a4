using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Followthrough.Calendar;
using Followthrough.Services;
using Followthrough.Services.Clock;

namespace Followthrough.Cli;

/// <summary>
/// <c>followthrough services ...</c>: government services. <c>deadline</c> is the legal clock, the contract others
/// check the rule with: <c>services deadline --accepted DATE --days N [--pause FROM..TO]... [--extend N] [--json]</c>.
/// Like the calendar's questions it needs no database and never creates one.
/// </summary>
internal static class ServicesCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Build()
    {
        var services = new Command("services", "Government services (一网通办): the catalogue of items and the legal clock of an application.");
        services.Subcommands.Add(Deadline());
        services.Subcommands.Add(ServicesCatalogueCommands.List());
        services.Subcommands.Add(ServicesCatalogueCommands.Import());
        services.Subcommands.Add(ServicesCatalogueCommands.Export());
        services.Subcommands.Add(ServicesStatsCommand.Build());
        return services;
    }

    private static Command Deadline()
    {
        var accepted = new Option<string?>("--accepted") { Description = "The day of acceptance (受理), YYYY-MM-DD; it does not count" };
        var days = new Option<string?>("--days") { Description = "The time limit in working days, 1 or more" };
        var pause = new Option<string[]>("--pause")
        {
            Description = "FROM..TO: a period that does not count (hearing, testing, expert review), both ends included; repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var extend = new Option<string?>("--extend")
        {
            Description = $"Working days added by an approved extension, 0 to {LegalClock.MaxExtension} (Art. 42: 10 for one agency, 15 for joint handling)",
        };
        var region = new Option<string?>("--region") { Description = $"Whose working days count (default {ServicesOptions.DefaultCalendarRegion}, Dalian)" };
        var today = new Option<string?>("--today") { Description = "Count the working days left from this date (default: today in China), YYYY-MM-DD" };
        var json = new Option<bool>("--json") { Description = "Print the answer as JSON: due, counted and paused working days, working days left" };
        var command = new Command("deadline", "Print the due date: the day on which the (N + extension)-th working day after acceptance falls, pauses not counted.")
        {
            accepted, days, pause, extend, region, today, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new ValidationErrors();
            var acceptedOn = CalendarInput.Date(parse.GetValue(accepted), "--accepted", errors);
            var limit = DeadlineInput.WholeNumber(parse.GetValue(days), "--days", errors);
            var extension = parse.GetValue(extend) is { } e ? DeadlineInput.WholeNumber(e, "--extend", errors) : 0;
            var pauses = (parse.GetValue(pause) ?? []).Select(p => DeadlineInput.Pause(p, "--pause", errors)).ToList();
            var area = CalendarInput.Region(parse.GetValue(region) ?? ServicesOptions.DefaultCalendarRegion, "--region", errors);
            var from = parse.GetValue(today) is { } t ? CalendarInput.Date(t, "--today", errors) : ChinaClock.Today(TimeProvider.System);
            if (acceptedOn is { } a && limit is { } n && extension is { } x && pauses.All(p => p is not null))
            {
                var checks = new ValidationErrors();
                LegalClock.Check(a, n, [.. pauses.Select(p => p!.Value)], x, checks, "--pause");
                foreach (var (field, messages) in checks.ToDictionary())
                {
                    var name = field is "days" or "extend" ? "--" + field : field;
                    foreach (var message in messages)
                    {
                        errors.Add(name, message);
                    }
                }
            }

            ThrowIfInvalid(errors);
            var (calendars, output, error) = await CalendarCommands.ServiceAsync(parse, cancellationToken);
            var calendar = await calendars.GetAsync(area, cancellationToken);
            LegalDeadline deadline;
            try
            {
                deadline = LegalClock.Due(calendar, acceptedOn!.Value, limit!.Value, [.. pauses.Select(p => p!.Value)], extension!.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new CliException($"--days: the due date would be after {CalendarInput.Iso(WorkingCalendar.MaxDate)}, the end of the calendar.");
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(
                    new
                    {
                        due = deadline.Due,
                        accepted = deadline.Accepted,
                        days = deadline.Days,
                        extension = deadline.Extension,
                        countedWorkingDays = deadline.CountedDays,
                        pausedWorkingDays = deadline.PausedWorkingDays,
                        pauses = deadline.Pauses.Select(p => new { from = p.From, to = p.To }),
                        calendarDays = deadline.Due.DayNumber - deadline.Accepted.DayNumber,
                        region = area,
                        today = from!.Value,
                        workingDaysLeft = LegalClock.WorkingDaysLeft(calendar, from.Value, deadline.Due),
                        provisional = deadline.Provisional,
                    },
                    Json));
            }
            else
            {
                await output.WriteLineAsync(CalendarInput.Iso(deadline.Due));
                await CalendarCommands.NoteProvisionalAsync(error, deadline.Provisional);
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static void ThrowIfInvalid(ValidationErrors errors)
    {
        if (!errors.IsEmpty)
        {
            throw new CliException(string.Join(Environment.NewLine, errors.ToDictionary().SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }
    }
}
