namespace Followthrough.Services;

/// <summary>How the government services are run, configurable under <c>Followthrough:Services</c>.</summary>
public sealed class ServicesOptions
{
    public const string Section = "Followthrough:Services";

    /// <summary>Dalian: national days plus any days Liaoning or Dalian add.</summary>
    public const string DefaultCalendarRegion = "CN-LN-DL";

    /// <summary>Whose working days count for applications' time limits: a calendar region code.</summary>
    public string CalendarRegion { get; set; } = DefaultCalendarRegion;

    /// <summary>The TrueType font (.ttf, not a .ttc collection nor CFF-based Noto CJK) decision documents are printed in;
    /// empty: Debian's fonts-droid-fallback.</summary>
    public string? DecisionFont { get; set; }

    /// <summary>The site's public address (https://...), printed on decision documents before /services/verify; empty: the path alone.</summary>
    public string? PublicAddress { get; set; }
}
