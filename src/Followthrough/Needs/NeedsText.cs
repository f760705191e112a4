namespace Followthrough.Needs;

/// <summary>Marker for the Needs module's strings; English is the key, NeedsText.zh-Hans.resx translates.</summary>
internal sealed class NeedsText;
