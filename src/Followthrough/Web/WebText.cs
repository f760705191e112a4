namespace Followthrough.Web;

/// <summary>Marker for the shell's strings (layout, navigation, errors). English is the key; WebText.zh-Hans.resx translates.</summary>
internal sealed class WebText;
