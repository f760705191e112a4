namespace Followthrough.Directives;

/// <summary>Marker for the Directives module's strings; English is the key, DirectivesText.zh-Hans.resx translates.</summary>
internal sealed class DirectivesText;
