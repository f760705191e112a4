namespace Followthrough.Audit;

/// <summary>Marker for the Audit module's strings; English is the key, AuditText.zh-Hans.resx translates.</summary>
internal sealed class AuditText;
