using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Web;

/// <summary>
/// Optimistic concurrency over HTTP: reads send <c>ETag: "n"</c> (the record's version); updates send it back as
/// <c>If-Match</c> or as a <c>version</c> field. A stale version gets 409 and changes nothing.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETag(version);
    }

    /// <summary>The version the client based its change on: If-Match wins, else the body's version field.</summary>
    public static int? Expected(HttpRequest request, int? bodyVersion)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.StartsWith("W/", StringComparison.Ordinal))
        {
            ifMatch = ifMatch[2..];
        }

        return int.TryParse(ifMatch.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : bodyVersion;
    }
}
