namespace Followthrough.Commitments;

/// <summary>Marker for the Commitments module's strings; English is the key, CommitmentsText.zh-Hans.resx translates.</summary>
internal sealed class CommitmentsText;
