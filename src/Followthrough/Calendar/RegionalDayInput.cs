using Followthrough.Web;

namespace Followthrough.Calendar;

/// <summary>A regional day as entered (API body or page form), checked field by field.</summary>
public sealed record RegionalDayInput(string Region, DateOnly Date, bool IsOffDay, string Name)
{
    /// <summary>The checked input, or null with the problems added to <paramref name="errors"/>.</summary>
    public static RegionalDayInput? Check(string? region, string? date, bool? isOffDay, string? name, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var code = CalendarInput.Region(region, "region", errors);
        if (code is not null && CalendarRegions.IsNational(code))
        {
            errors.Add("region", "Choose a region such as CN-LN-DL: the national schedule changes only by importing a year's notice.");
        }

        var day = CalendarInput.Date(date, "date", errors);
        if (isOffDay is null)
        {
            errors.Add("isOffDay", "Say whether the day is a rest day (true) or a working day (false).");
        }

        errors.Require("name", name, "The name", ScheduleFile.MaxNameLength);
        return errors.IsEmpty ? new RegionalDayInput(code!, day!.Value, isOffDay!.Value, name!.Trim()) : null;
    }
}
