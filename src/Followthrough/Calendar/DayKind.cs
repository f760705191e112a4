namespace Followthrough.Calendar;

/// <summary>Why a day is, or is not, a working day.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday, not listed anywhere: a working day.</summary>
    Workday,

    /// <summary>Saturday or Sunday, not listed anywhere: a rest day.</summary>
    Weekend,

    /// <summary>A rest day of the national schedule (a statutory holiday or a day joined to it).</summary>
    Holiday,

    /// <summary>A weekend day the national schedule turns into a working day (调休上班).</summary>
    MakeUpWorkday,

    /// <summary>A rest day a region adds on top of the national schedule (e.g. a city's own holiday).</summary>
    RegionalRestDay,

    /// <summary>A working day a region adds on top of the national schedule.</summary>
    RegionalWorkday,
}

internal static class DayKinds
{
    public static bool IsWorking(this DayKind kind) =>
        kind is DayKind.Workday or DayKind.MakeUpWorkday or DayKind.RegionalWorkday;
}
