namespace Followthrough.Web;

/// <summary>Size limits on what the server accepts; larger bodies get 413 before they are read.</summary>
internal static class WebLimits
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;
}
