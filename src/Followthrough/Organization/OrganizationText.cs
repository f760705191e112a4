namespace Followthrough.Organization;

/// <summary>Marker for the Organization module's strings; English is the key, OrganizationText.zh-Hans.resx translates.</summary>
internal sealed class OrganizationText;
