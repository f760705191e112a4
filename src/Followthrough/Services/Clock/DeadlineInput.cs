using System.Globalization;
using Followthrough.Calendar;

namespace Followthrough.Services.Clock;

/// <summary>
/// Reads a due-date request from text (the command line, a form): a time limit, an extension and pauses written
/// <c>FROM..TO</c>, with one clear message per field, so bad input is an error and never an exception.
/// </summary>
public static class DeadlineInput
{
    /// <summary>A whole number of working days (the time limit or the extension); null with a message when it is not one.</summary>
    public static int? WholeNumber(string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "A whole number of working days is required.");
            return null;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            errors.Add(field, $"\"{Shorten(value.Trim())}\" is not a whole number.");
            return null;
        }

        return n;
    }

    /// <summary>A pause written <c>FROM..TO</c> (both dates YYYY-MM-DD, both included); null with a message otherwise.</summary>
    public static ClockPause? Pause(string? value, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim() ?? string.Empty;
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            errors.Add(field, $"\"{Shorten(text)}\" is not a pause in the form FROM..TO (e.g. 2025-01-27..2025-02-07).");
            return null;
        }

        var from = CalendarInput.Date(text[..dots], field, errors);
        var to = CalendarInput.Date(text[(dots + 2)..], field, errors);
        return from is { } f && to is { } t ? new ClockPause(f, t) : null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
