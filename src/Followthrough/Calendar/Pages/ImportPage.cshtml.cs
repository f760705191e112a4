using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar.Pages;

/// <summary>
/// Administrators import a year's schedule by uploading or pasting a file. The whole file is checked first: either
/// every problem is listed (and nothing is stored) or the schedule replaces that year's.
/// </summary>
internal sealed class ImportPageModel(
    CalendarStore store, CalendarService calendars, TimeProvider clock, CurrentUser me, IStringLocalizer<CalendarText> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Pasted { get; set; }

    [BindProperty]
    public string? Region { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public string? Format { get; set; }

    public ValidationErrors Errors { get; } = new();

    /// <summary>The file's problems, each already in the reader's language.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public ImportOutcome? Outcome { get; private set; }

    public IReadOnlyList<ScheduleView> National { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Refuse() is { } refusal)
        {
            return refusal;
        }

        var region = CalendarInput.Region(Region, "region", Errors, text);
        var year = CalendarInput.Year(Year, "year", Errors, text);
        var (content, fileName) = Upload is { Length: > 0 } file ? (await ReadAsync(file, cancellationToken), file.FileName) : (Pasted, null);
        if (string.IsNullOrWhiteSpace(content) && Errors.IsEmpty)
        {
            Errors.Add("upload", text["Choose a file, or paste its content."]);
        }

        if (Errors.IsEmpty)
        {
            var format = Format switch
            {
                "json" => ScheduleFormat.Json,
                "csv" => ScheduleFormat.Csv,
                _ => ScheduleFile.DetectFormat(content, fileName),
            };
            var result = await store.ImportAsync(content!, format, region, year, fileName, cancellationToken);
            Outcome = result.Outcome;
            Problems = [.. result.Problems.Select(Translate)];
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string field) => PageHelpers.ErrorFor(Errors, field);

    private string Translate(ScheduleProblem problem)
    {
        var message = text[problem.Template, problem.Arguments].Value;
        return problem.Line is { } line ? text[ScheduleProblem.LineTemplate, line, message].Value : message;
    }

    private IActionResult? Refuse() => PageHelpers.RefuseUnlessCalendarManager(this, me);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        National = await CalendarSchedules.ListAsync(WorkingCalendar.National, calendars, store, clock, cancellationToken);

    private static async Task<string> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
