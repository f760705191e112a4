using System.Globalization;
using System.Text;
using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Followthrough.Web.Security;

namespace Followthrough.Calendar;

internal sealed record ImportView(string Region, int Year, string Source, int Days, int Added, int Changed, int Removed, bool Replaced)
{
    public static ImportView From(ImportOutcome outcome) => new(
        outcome.Region, outcome.Year, outcome.Source.ToString().ToLowerInvariant(), outcome.Days, outcome.Added, outcome.Changed, outcome.Removed, outcome.Replaced);
}

internal sealed record RegionalDayRequest(string? Date, bool? IsOffDay, string? Name, int? Version);

internal sealed record RegionalDayView(int Id, string Region, DateOnly Date, bool IsOffDay, string Kind, string Name, int Version)
{
    public static RegionalDayView From(RegionalDay day) => new(
        day.Id, day.Region, day.Date, day.IsOffDay, CalendarInput.KindName(day.IsOffDay ? DayKind.RegionalRestDay : DayKind.RegionalWorkday), day.Name, day.Version);
}

internal sealed record RegionView(string Region, int Days, DateOnly FirstDate, DateOnly LastDate);

/// <summary>
/// Importing schedules and managing regional days. Regions and their days are public to read; every change needs an
/// administrator (401 without sign-in, 403 for other roles).
/// </summary>
internal static class CalendarAdminApi
{
    public static void MapRegionReads(RouteGroupBuilder calendar)
    {
        calendar.MapGet("/regions", Regions)
            .WithName("ListCalendarRegions")
            .WithSummary("Regions with working or rest days of their own.");

        calendar.MapGet("/regions/{region}/days", RegionalDays)
            .WithName("ListRegionalDays")
            .WithSummary("A region's own rest and working days, by date (optionally one year).");

        calendar.MapGet("/regions/{region}/days/{id:int}", RegionalDay)
            .WithName("GetRegionalDay")
            .WithSummary("One regional day, with its version as ETag.");
    }

    public static void MapWrites(RouteGroupBuilder admin)
    {
        admin.MapPost("/schedules/import", Import).RequireRateLimiting(RateLimits.Expensive)
            .WithName("ImportCalendarSchedule")
            .WithSummary("Import a year's schedule: holiday-cn JSON or CSV (date,off|work[,name]) as the body, or a multipart 'file'. The whole file is checked first; a re-import of the same region and year replaces it.")
            .Accepts<string>(isOptional: true, "application/json", "text/csv", "text/plain", "multipart/form-data");

        admin.MapPost("/regions/{region}/days", AddRegionalDay)
            .WithName("AddRegionalDay")
            .WithSummary("Add a rest or working day of a region (e.g. a city's own holiday).");

        admin.MapPut("/regions/{region}/days/{id:int}", UpdateRegionalDay)
            .WithName("UpdateRegionalDay")
            .WithSummary("Change a regional day; send its version as If-Match or a version field.");

        admin.MapDelete("/regions/{region}/days/{id:int}", DeleteRegionalDay)
            .WithName("DeleteRegionalDay")
            .WithSummary("Remove a regional day (If-Match optional).");
    }

    private static async Task<Results<Ok<ImportView>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? region, string? year, string? format, CurrentUser me, CalendarStore store, CancellationToken cancellationToken)
    {
        if (!CalendarPermissions.CanManageCalendar(me))
        {
            return Problems.Forbidden("Only administrators import holiday schedules.");
        }

        var errors = new ValidationErrors();
        var code = CalendarInput.Region(region, "region", errors);
        var notice = CalendarInput.Year(year, "year", errors);
        ScheduleFormat? chosen = format?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "JSON" => ScheduleFormat.Json,
            "CSV" => ScheduleFormat.Csv,
            _ => Unknown(errors),
        };
        var upload = await ReadUploadAsync(request, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var result = await store.ImportAsync(
            upload.Content,
            chosen ?? ScheduleFile.DetectFormat(upload.Content, upload.FileName, upload.ContentType),
            code,
            notice,
            upload.FileName,
            cancellationToken);
        return result.Outcome is { } outcome ? TypedResults.Ok(ImportView.From(outcome)) : FileProblems(result.Problems);

        static ScheduleFormat? Unknown(ValidationErrors errors)
        {
            errors.Add("format", "The format is json or csv (or leave it out to detect it).");
            return null;
        }
    }

    /// <summary>Each problem under its line ("line 12") or "file", and the full ordered list as "problems".</summary>
    internal static ValidationProblem FileProblems(IReadOnlyList<ScheduleProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line}") : "file")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            title: "The schedule file has problems; nothing was imported.",
            detail: string.Join(" ", problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = problems.Select(p => new { line = p.Line, message = p.Message }).ToArray(),
            });
    }

    private static async Task<Ok<Paged<RegionView>>> Regions(int? page, int? pageSize, CalendarStore store, CancellationToken cancellationToken)
    {
        var request = PageRequest.From(page, pageSize, new ValidationErrors());
        var regions = await store.RegionsAsync(cancellationToken);
        return TypedResults.Ok(new Paged<RegionView>(
            [.. regions.Skip(request.Skip).Take(request.PageSize).Select(r => new RegionView(r.Region, r.Days, r.FirstDate, r.LastDate))],
            request.Page,
            request.PageSize,
            regions.Count));
    }

    private static async Task<Results<Ok<Paged<RegionalDayView>>, ValidationProblem>> RegionalDays(
        string region, string? year, int? page, int? pageSize, CalendarStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = RegionalCode(region, errors);
        var only = CalendarInput.Year(year, "year", errors);
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = await store.RegionalDaysAsync(code!, only, request.Skip, request.PageSize, cancellationToken);
        return TypedResults.Ok(new Paged<RegionalDayView>([.. items.Select(RegionalDayView.From)], request.Page, request.PageSize, total));
    }

    private static async Task<Results<Ok<RegionalDayView>, ValidationProblem, ProblemHttpResult>> RegionalDay(
        string region, int id, HttpResponse response, CalendarStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = RegionalCode(region, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var day = await store.RegionalDayAsync(code!, id, cancellationToken);
        if (day is null)
        {
            return Problems.NotFound("The regional day");
        }

        Versions.SetETag(response, day.Version);
        return TypedResults.Ok(RegionalDayView.From(day));
    }

    private static async Task<Results<Created<RegionalDayView>, ValidationProblem, ProblemHttpResult>> AddRegionalDay(
        string region, RegionalDayRequest body, HttpResponse response, CurrentUser me, CalendarStore store, CancellationToken cancellationToken)
    {
        if (!CalendarPermissions.CanManageCalendar(me))
        {
            return Problems.Forbidden("Only administrators manage regional calendars.");
        }

        var errors = new ValidationErrors();
        var input = RegionalDayInput.Check(region, body?.Date, body?.IsOffDay, body?.Name, errors);
        if (input is null)
        {
            return Problems.Invalid(errors);
        }

        var (day, problem) = await store.AddRegionalDayAsync(input.Region, input.Date, input.IsOffDay, input.Name, cancellationToken);
        if (problem == RegionalDayProblem.DateTaken)
        {
            return DateTaken(input);
        }

        Versions.SetETag(response, day!.Version);
        return TypedResults.Created($"/api/v1/calendar/regions/{day.Region}/days/{day.Id}", RegionalDayView.From(day));
    }

    private static async Task<Results<Ok<RegionalDayView>, ValidationProblem, ProblemHttpResult>> UpdateRegionalDay(
        string region, int id, RegionalDayRequest body, HttpRequest request, HttpResponse response, CurrentUser me, CalendarStore store, CancellationToken cancellationToken)
    {
        if (!CalendarPermissions.CanManageCalendar(me))
        {
            return Problems.Forbidden("Only administrators manage regional calendars.");
        }

        var errors = new ValidationErrors();
        var input = RegionalDayInput.Check(region, body?.Date, body?.IsOffDay, body?.Name, errors);
        var expected = Versions.Expected(request, body?.Version);
        if (expected is null)
        {
            errors.Add("version", "Send the version you changed (If-Match header or a version field).");
        }

        if (input is null || !errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var (day, problem) = await store.UpdateRegionalDayAsync(input.Region, id, expected!.Value, input.Date, input.IsOffDay, input.Name, cancellationToken);
            switch (problem)
            {
                case RegionalDayProblem.NotFound:
                    return Problems.NotFound("The regional day");
                case RegionalDayProblem.DateTaken:
                    return DateTaken(input);
            }

            Versions.SetETag(response, day!.Version);
            return TypedResults.Ok(RegionalDayView.From(day));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAsync(store, input.Region, id, cancellationToken);
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteRegionalDay(
        string region, int id, HttpRequest request, CurrentUser me, CalendarStore store, CancellationToken cancellationToken)
    {
        if (!CalendarPermissions.CanManageCalendar(me))
        {
            return Problems.Forbidden("Only administrators manage regional calendars.");
        }

        var errors = new ValidationErrors();
        var code = RegionalCode(region, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            return await store.DeleteRegionalDayAsync(code!, id, Versions.Expected(request, null), cancellationToken) == RegionalDayProblem.NotFound
                ? Problems.NotFound("The regional day")
                : TypedResults.NoContent();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await StaleAsync(store, code!, id, cancellationToken);
        }
    }

    /// <summary>A region's code from the route; the national calendar has no regional days.</summary>
    private static string? RegionalCode(string region, ValidationErrors errors)
    {
        var code = CalendarInput.Region(region, "region", errors);
        if (code is not null && CalendarRegions.IsNational(code))
        {
            errors.Add("region", RegionalDayInput.NationalByImportOnly);
            return null;
        }

        return code;
    }

    private static ProblemHttpResult DateTaken(RegionalDayInput input) => Problems.Conflict(
        $"{input.Region} already lists {input.Date:yyyy-MM-dd}.",
        "A region lists a date once: change the existing day instead. Nothing was saved.");

    private static async Task<ProblemHttpResult> StaleAsync(CalendarStore store, string region, int id, CancellationToken cancellationToken) =>
        await store.RegionalDayAsync(region, id, cancellationToken) is { } current
            ? Problems.Stale(current.Version)
            : Problems.NotFound("The regional day");

    private static async Task<Upload> ReadUploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if ((form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)) is { Length: > 0 } file)
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                return new Upload(await reader.ReadToEndAsync(cancellationToken), file.FileName, file.ContentType);
            }

            return new Upload(form["content"].ToString(), null, null);
        }

        using var body = new StreamReader(request.Body, Encoding.UTF8);
        return new Upload(await body.ReadToEndAsync(cancellationToken), null, request.ContentType);
    }

    private sealed record Upload(string Content, string? FileName, string? ContentType);
}
