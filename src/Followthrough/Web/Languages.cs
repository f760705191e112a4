using System.Globalization;

namespace Followthrough.Web;

/// <summary>The languages the product speaks: English (the key of every string) and Simplified Chinese.</summary>
internal static class Languages
{
    public static readonly CultureInfo[] Supported = [new("en"), new("zh-Hans")];
}
