namespace Followthrough.Services;

/// <summary>How the government services are run, configurable under <c>Followthrough:Services</c>.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Followthrough:Services";

    /// <summary>Dalian: national days plus any days Liaoning or Dalian add.</summary>
    public const string DefaultCalendarRegion = "CN-LN-DL";

    /// <summary>Whose working days count for applications' time limits: a calendar region code.</summary>
    public string CalendarRegion { get; set; } = DefaultCalendarRegion;
}
