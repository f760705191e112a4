using System.Globalization;
using System.Text;
using System.Text.Json;
using Followthrough.Storage.Files;

namespace Followthrough.Calendar;

/// <summary>The two file formats a year's schedule is imported in.</summary>
public enum ScheduleFormat
{
    /// <summary>The holiday-cn format: <c>{ "year": 2025, "papers": [...], "days": [{ "name", "date", "isOffDay" }] }</c>.</summary>
    Json,

    /// <summary>One day a line: <c>date,off|work[,name]</c>, e.g. <c>2025-01-26,work,春节</c>; an optional header line.</summary>
    Csv,
}

/// <summary>One thing wrong with an imported file; <see cref="Line"/> is 1-based, null for the file as a whole.</summary>
/// <remarks>
/// The message is kept as an English template and its arguments, so pages can show it translated
/// (the English template is the resource key) while the API answers in English.
/// </remarks>
public sealed record ScheduleProblem(int? Line, string Template, params object[] Arguments)
{
    /// <summary>How pages prefix a problem with its line (a resource key).</summary>
    public const string LineTemplate = "Line {0}: {1}";

    public string Message => string.Format(CultureInfo.InvariantCulture, Template, Arguments);

    public override string ToString() =>
        Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"Line {line}: {Message}") : Message;
}

/// <summary>The outcome of reading a file: the schedule when it is valid, otherwise every problem found.</summary>
public sealed record ScheduleReadResult(NoticeSchedule? Schedule, IReadOnlyList<ScheduleProblem> Problems, IReadOnlyList<string> Papers)
{
    public bool IsValid => Schedule is not null && Problems.Count == 0;
}

/// <summary>
/// Reads and checks a year's schedule before anything is stored. The whole file is checked and every problem
/// reported (with its line): unreadable JSON or CSV, dates that do not exist (2025-02-30), a date listed twice,
/// a date listed both as a rest day and as a working day, dates outside the notice year (December of the previous
/// year is allowed, because notices settle the New Year holiday), and files that list no days.
/// </summary>
public static class ScheduleFile
{
    /// <summary>A year has at most 366 days, plus a December of the previous year.</summary>
    public const int MaxDays = 400;

    public const int MaxNameLength = 100;

    internal const string NoDays = "The file lists no days.";

    internal const string Empty = "The file is empty.";

    /// <summary>Reporting stops here; a file this broken needs fixing as a whole.</summary>
    public const int MaxProblems = 100;

    /// <summary>The format from the file name or content type, else from the content (JSON starts with '{').</summary>
    public static ScheduleFormat DetectFormat(string? content, string? fileName = null, string? contentType = null)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ScheduleFormat.Json;
        }

        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            return ScheduleFormat.Csv;
        }

        return (content ?? string.Empty).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? ScheduleFormat.Json : ScheduleFormat.Csv;
    }

    /// <summary>Reads and checks <paramref name="content"/>.</summary>
    /// <param name="content">The file's text.</param>
    /// <param name="format">How to read it.</param>
    /// <param name="year">The notice year, when the importer names it; a JSON file's own "year" must agree. A CSV file
    /// without it takes the latest year it lists.</param>
    public static ScheduleReadResult Read(string? content, ScheduleFormat format, int? year = null)
    {
        var problems = new List<ScheduleProblem>();
        var papers = new List<string>();
        var text = (content ?? string.Empty).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid(new ScheduleProblem(null, Empty));
        }

        if (year is < 2000 or > 2099)
        {
            return Invalid(new ScheduleProblem(null, "The year {0} is outside the calendar (2000 to 2099).", year));
        }

        // The product's limits on files from outside (JSON nesting is limited by the JSON reader itself, 64 levels).
        if (UntrustedFile.TextProblem(text, FileLimits.Default, byLine: format == ScheduleFormat.Csv) is { } refused)
        {
            return Invalid(new ScheduleProblem(null, "{0}", refused));
        }

        var entries = format == ScheduleFormat.Json
            ? ReadJson(text, problems, papers, ref year)
            : ReadCsv(text, problems);
        if (entries is null)
        {
            return new ScheduleReadResult(null, problems, papers);
        }

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ScheduleProblem(null, NoDays));
        }

        // Without a named year, a CSV file belongs to the latest year it lists (earlier dates may be last December's).
        year ??= entries.Where(e => e.Date is not null).Select(e => e.Date!.Value.Year).DefaultIfEmpty().Max();
        var days = year is >= 2000 and <= 2099 || entries.Any(e => e.Date is not null)
            ? Check(entries, year.Value, problems)
            : [];
        return problems.Count == 0
            ? new ScheduleReadResult(new NoticeSchedule(year.Value, days), problems, papers)
            : new ScheduleReadResult(null, Capped(problems), papers);

        ScheduleReadResult Invalid(ScheduleProblem problem) => new(null, [problem], []);
    }

    private static List<ScheduleProblem> Capped(List<ScheduleProblem> problems)
    {
        if (problems.Count <= MaxProblems)
        {
            return problems;
        }

        var more = problems.Count - MaxProblems;
        return [.. problems.Take(MaxProblems), new ScheduleProblem(null, "... and {0} more problems.", more)];
    }

    private static List<ScheduledDay> Check(List<Entry> entries, int year, List<ScheduleProblem> problems)
    {
        if (entries.Count > MaxDays)
        {
            problems.Add(new ScheduleProblem(null, "The file lists {0} days; a year's schedule has at most {1}.", entries.Count, MaxDays));
        }

        if (year is < 2000 or > 2099)
        {
            problems.Add(new ScheduleProblem(null, "The year {0} is outside the calendar (2000 to 2099).", year));
            return [];
        }

        var earliest = new DateOnly(year - 1, 12, 1);
        var latest = new DateOnly(year, 12, 31);
        var seen = new Dictionary<DateOnly, Entry>();
        var days = new List<ScheduledDay>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Date is not { } date)
            {
                continue; // already reported as not a date
            }

            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (date < earliest || date > latest)
            {
                problems.Add(new ScheduleProblem(entry.Line, "{0} is outside the {1} schedule (only dates in {1} and in December {2} are allowed).", iso, year, year - 1));
            }
            else if (date < WorkingCalendar.MinDate)
            {
                problems.Add(new ScheduleProblem(entry.Line, "{0} is before the start of the calendar (2000-01-01).", iso));
            }
            else if (seen.TryGetValue(date, out var first))
            {
                problems.Add(first.IsOffDay == entry.IsOffDay
                    ? new ScheduleProblem(entry.Line, "{0} is listed twice (first on line {1}).", iso, Line(first.Line))
                    : new ScheduleProblem(entry.Line, "{0} is listed both as a rest day and as a working day (line {1} and line {2}).", iso, Line(first.Line), Line(entry.Line)));
            }
            else
            {
                seen[date] = entry;
                days.Add(new ScheduledDay(date, entry.IsOffDay, entry.Name));
            }
        }

        days.Sort((x, y) => x.Date.CompareTo(y.Date));
        return days;
    }

    private static List<Entry>? ReadJson(string text, List<ScheduleProblem> problems, List<string> papers, ref int? year)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException error)
        {
            problems.Add(new ScheduleProblem((int?)error.LineNumber + 1, "The JSON could not be read: {0}", FirstSentence(error.Message)));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ScheduleProblem(1, "The JSON must be an object with \"year\" and \"days\" (the holiday-cn format)."));
                return null;
            }

            if (root.TryGetProperty("year", out var yearElement))
            {
                if (yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var fileYear))
                {
                    problems.Add(new ScheduleProblem(null, "\"year\" must be a whole number such as 2026."));
                    return null;
                }

                if (year is { } expected && expected != fileYear)
                {
                    problems.Add(new ScheduleProblem(null, "The file is the {0} schedule, but {1} was chosen.", fileYear, expected));
                    return null;
                }

                year = fileYear;
            }

            if (root.TryGetProperty("papers", out var paperList) && paperList.ValueKind == JsonValueKind.Array)
            {
                papers.AddRange(paperList.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!));
            }

            if (!root.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ScheduleProblem(null, "The JSON has no \"days\" list."));
                return null;
            }

            var lines = ElementLines(text);
            var entries = new List<Entry>();
            var index = 0;
            foreach (var day in days.EnumerateArray())
            {
                var line = index < lines.Count ? lines[index] : (int?)null;
                index++;
                if (day.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ScheduleProblem(line, "Each day must be an object with \"date\", \"isOffDay\" and \"name\"."));
                    continue;
                }

                var date = day.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var name = day.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
                bool? isOffDay = day.TryGetProperty("isOffDay", out var o) && o.ValueKind is JsonValueKind.True or JsonValueKind.False ? o.GetBoolean() : null;
                if (isOffDay is null)
                {
                    problems.Add(new ScheduleProblem(line, "{0} needs \"isOffDay\": true (a rest day) or false (a working day).", date ?? "A day"));
                }

                entries.Add(new Entry(line, ParseDate(date, line, problems), isOffDay ?? true, CheckName(name, line, problems)));
            }

            return entries;
        }
    }

    private static List<Entry>? ReadCsv(string text, List<ScheduleProblem> problems)
    {
        var entries = new List<Entry>();
        var lines = text.Split('\n');
        var sawData = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            var raw = lines[i].TrimEnd('\r').Trim();
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var fields = raw.Split(',', 3);
            if (!sawData && fields[0].Trim().Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                sawData = true;
                continue; // the header line
            }

            sawData = true;
            if (fields.Length < 2)
            {
                problems.Add(new ScheduleProblem(line, "expected date,off|work[,name] but found \"{0}\".", Shorten(raw)));
                continue;
            }

            var kind = fields[1].Trim().ToUpperInvariant();
            bool? isOffDay = kind switch
            {
                "OFF" => true,
                "WORK" => false,
                _ => null,
            };
            if (isOffDay is null)
            {
                problems.Add(new ScheduleProblem(line, "the second field must be off (a rest day) or work (a working day), not \"{0}\".", Shorten(fields[1].Trim())));
            }

            var name = fields.Length == 3 ? fields[2].Trim().Trim('"').Trim() : string.Empty;
            entries.Add(new Entry(line, ParseDate(fields[0].Trim(), line, problems), isOffDay ?? true, CheckName(name, line, problems)));
        }

        return entries;
    }

    private static DateOnly? ParseDate(string? value, int? line, List<ScheduleProblem> problems)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(value is { Length: 10 } && value[4] == '-' && value[7] == '-' && value.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiDigit)
            ? new ScheduleProblem(line, "{0} is not a valid date.", value)
            : new ScheduleProblem(line, "\"{0}\" is not a date in the form YYYY-MM-DD.", Shorten(value ?? string.Empty)));
        return null;
    }

    private static string CheckName(string name, int? line, List<ScheduleProblem> problems)
    {
        if (name.Length > MaxNameLength)
        {
            problems.Add(new ScheduleProblem(line, "the name is longer than {0} characters.", MaxNameLength));
            return name[..MaxNameLength];
        }

        return name;
    }

    /// <summary>The 1-based line where each element of the top-level "days" array starts.</summary>
    private static List<int> ElementLines(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8);
        var lines = new List<int>();
        var line = 1;
        var counted = 0;
        var arrayDepth = -1;
        while (reader.Read())
        {
            if (arrayDepth < 0)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("days"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    arrayDepth = reader.CurrentDepth;
                }

                continue;
            }

            if (reader.CurrentDepth == arrayDepth && reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                var start = (int)reader.TokenStartIndex;
                line += utf8.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static object Line(int? line) => line is { } number ? number : "?";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private sealed record Entry(int? Line, DateOnly? Date, bool IsOffDay, string Name);
}
