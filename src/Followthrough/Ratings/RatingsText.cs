namespace Followthrough.Ratings;

/// <summary>Marker for the Ratings module's strings; English is the key, RatingsText.zh-Hans.resx translates.</summary>
internal sealed class RatingsText;
