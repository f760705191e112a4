using System.Globalization;
using System.Text.Json;
using Followthrough.Web;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar;

/// <summary>
/// Reads the calendar's query values (dates, counts, regions, months) from text, with one clear message per field,
/// so that a bad date such as 2025-02-30 is a field error and never an exception. Shared by the API (English
/// messages) and the pages (which pass their localizer: the English message template is the resource key).
/// </summary>
public static class CalendarInput
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The largest count accepted: more working days than the calendar holds can never be answered.</summary>
    public const int MaxWorkingDays = 30_000;

    public static DateOnly? Date(string? value, string field, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, Say(text, "A date is required, in the form YYYY-MM-DD."));
            return null;
        }

        var trimmed = value.Trim();
        if (!DateOnly.TryParseExact(trimmed, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, LooksLikeDate(trimmed)
                ? Say(text, "{0} is not a valid date.", trimmed)
                : Say(text, "\"{0}\" is not a date in the form YYYY-MM-DD.", Shorten(trimmed)));
            return null;
        }

        if (date < WorkingCalendar.MinDate || date > WorkingCalendar.MaxDate)
        {
            errors.Add(field, Say(text, "The calendar covers {0} to {1}.", Iso(WorkingCalendar.MinDate), Iso(WorkingCalendar.MaxDate)));
            return null;
        }

        return date;
    }

    /// <summary>A count of working days: a whole number from 0 up.</summary>
    public static int? WorkingDays(string? value, string field, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, Say(text, "The number of working days is required (0 or more)."));
            return null;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            errors.Add(field, Say(text, "\"{0}\" is not a whole number.", Shorten(value.Trim())));
            return null;
        }

        if (n < 0)
        {
            errors.Add(field, Say(text, "The number of working days must not be negative."));
            return null;
        }

        if (n > MaxWorkingDays)
        {
            errors.Add(field, Say(text, "The number of working days must be at most {0}.", MaxWorkingDays));
            return null;
        }

        return n;
    }

    /// <summary>The canonical region code; blank means national.</summary>
    public static string? Region(string? value, string field, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (CalendarRegions.TryNormalize(value, out var code))
        {
            return code;
        }

        errors.Add(field, Say(text, CalendarRegions.Explanation));
        return null;
    }

    /// <summary>A month as YYYY-MM, within the calendar.</summary>
    public static (int Year, int Month)? Month(string? value, string field, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!DateOnly.TryParseExact(value?.Trim() + "-01", DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || value!.Trim().Length != 7)
        {
            errors.Add(field, Say(text, "\"{0}\" is not a month in the form YYYY-MM.", Shorten(value ?? string.Empty)));
            return null;
        }

        if (first < WorkingCalendar.MinDate || first > WorkingCalendar.MaxDate)
        {
            errors.Add(field, Say(text, "The calendar covers {0} to {1}.", Iso(WorkingCalendar.MinDate), Iso(WorkingCalendar.MaxDate)));
            return null;
        }

        return (first.Year, first.Month);
    }

    /// <summary>An optional notice year (2000 to 2099).</summary>
    public static int? Year(string? value, string field, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2099)
        {
            return year;
        }

        errors.Add(field, Say(text, "The year must be a whole number from 2000 to 2099."));
        return null;
    }

    /// <summary>The day kind as the API spells it: workday, weekend, holiday, makeUpWorkday, regionalRestDay, regionalWorkday.</summary>
    public static string KindName(DayKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The message in the reader's language when a localizer is given, else in English.</summary>
    public static string Say(IStringLocalizer? text, string template, params object[] arguments) =>
        text is null ? string.Format(CultureInfo.InvariantCulture, template, arguments) : text[template, arguments].Value;

    public static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static bool LooksLikeDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' && text.Replace("-", string.Empty, StringComparison.Ordinal).All(char.IsAsciiDigit);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
