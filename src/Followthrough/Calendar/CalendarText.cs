namespace Followthrough.Calendar;

/// <summary>Marker for the Calendar module's strings; English is the key, CalendarText.zh-Hans.resx translates.</summary>
internal sealed class CalendarText;
