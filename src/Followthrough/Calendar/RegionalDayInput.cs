using Followthrough.Web;
using Microsoft.Extensions.Localization;

namespace Followthrough.Calendar;

/// <summary>A regional day as entered (API body or page form), checked field by field.</summary>
internal sealed record RegionalDayInput(string Region, DateOnly Date, bool IsOffDay, string Name)
{
    public const string NationalByImportOnly = "Choose a region such as CN-LN-DL: the national schedule changes only by importing a year's notice.";

    /// <summary>The checked input, or null with the problems added to <paramref name="errors"/>.</summary>
    public static RegionalDayInput? Check(string? region, string? date, bool? isOffDay, string? name, ValidationErrors errors, IStringLocalizer? text = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var code = CalendarInput.Region(region, "region", errors, text);
        if (code is not null && CalendarRegions.IsNational(code))
        {
            errors.Add("region", CalendarInput.Say(text, NationalByImportOnly));
        }

        var day = CalendarInput.Date(date, "date", errors, text);
        if (isOffDay is null)
        {
            errors.Add("isOffDay", CalendarInput.Say(text, "Say whether the day is a rest day or a working day."));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", CalendarInput.Say(text, "A name is required (e.g. the local holiday's name)."));
        }
        else if (name.Trim().Length > ScheduleFile.MaxNameLength)
        {
            errors.Add("name", CalendarInput.Say(text, "The name must be at most {0} characters.", ScheduleFile.MaxNameLength));
        }

        return errors.IsEmpty ? new RegionalDayInput(code!, day!.Value, isOffDay!.Value, name!.Trim()) : null;
    }
}
