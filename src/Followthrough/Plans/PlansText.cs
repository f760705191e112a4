namespace Followthrough.Plans;

/// <summary>Marker for the Plans module's strings; English is the key, PlansText.zh-Hans.resx translates.</summary>
internal sealed class PlansText;
