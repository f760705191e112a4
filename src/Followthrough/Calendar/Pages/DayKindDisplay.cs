namespace Followthrough.Calendar.Pages;

/// <summary>How the pages show a kind of day: a text label (a resource key) and a shading class, never colour alone.</summary>
internal static class DayKindDisplay
{
    public static string Label(DayKind kind) => kind switch
    {
        DayKind.Workday => "Working day",
        DayKind.Weekend => "Weekend",
        DayKind.Holiday => "Holiday",
        DayKind.MakeUpWorkday => "Make-up working day",
        DayKind.RegionalRestDay => "Regional rest day",
        DayKind.RegionalWorkday => "Regional working day",
        _ => kind.ToString(),
    };

    public static string Explanation(DayKind kind) => kind switch
    {
        DayKind.Workday => "Monday to Friday; not labelled in the grid.",
        DayKind.Weekend => "Saturday and Sunday rest days.",
        DayKind.Holiday => "Statutory holidays and the days joined to them.",
        DayKind.MakeUpWorkday => "Weekend days worked to make up for a holiday.",
        DayKind.RegionalRestDay => "A rest day of this region only.",
        DayKind.RegionalWorkday => "A working day of this region only.",
        _ => string.Empty,
    };

    public static string CssClass(DayKind kind) => kind switch
    {
        DayKind.Weekend => "weekend",
        DayKind.Holiday => "off",
        DayKind.MakeUpWorkday => "makeup",
        DayKind.RegionalRestDay => "off regional",
        DayKind.RegionalWorkday => "makeup regional",
        _ => "workday",
    };

    /// <summary>Holiday names in the data are Chinese; mark them so screen readers pronounce them right.</summary>
    public static string? Lang(string? name) =>
        name is not null && name.Any(c => c >= '\u4e00' && c <= '\u9fff') ? "zh-Hans" : null;
}
