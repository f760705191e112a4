namespace Followthrough.Services;

/// <summary>Marker for the Services module's strings; English is the key, ServicesText.zh-Hans.resx translates.</summary>
internal sealed class ServicesText;
