namespace Followthrough.Supervision;

/// <summary>Marker for the supervision module's strings (SupervisionText.zh-Hans.resx).</summary>
internal sealed class SupervisionText;
