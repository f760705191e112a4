using PdfSharp.Fonts;

namespace Followthrough.Services.Delivery;

/// <summary>
/// The Chinese font decision documents are printed in. PDFsharp embeds TrueType outlines only, so the font must be a
/// single TrueType file (.ttf): Debian's Noto CJK files are CFF, and PDFsharp 6.2 does not read collections (.ttc, such
/// as WenQuanYi's), so neither can be used. The path comes from <c>Followthrough:Services:DecisionFont</c>; without it
/// Debian's place of Droid Sans Fallback (<c>fonts-droid-fallback</c>) is used.
/// </summary>
internal static class DecisionFont
{
    /// <summary>The Chinese font's family name in PDFsharp.</summary>
    public const string Family = "Followthrough Decision";

    /// <summary>Letters, digits and Western punctuation, which CJK fallback fonts lack: DejaVu Sans, when present.</summary>
    public const string LatinFamily = "Followthrough Latin";

    public const string LatinDefault = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public static readonly IReadOnlyList<string> DebianDefaults =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    ];

    private static readonly Lock Gate = new();
    private static readonly Resolver Instance = new();
    private static bool _registered;

    /// <summary>The font file to use: the configured one when set, else the first Debian default present; null when none is.</summary>
    public static string? Locate(string? configured) =>
        !string.IsNullOrWhiteSpace(configured)
            ? (File.Exists(configured) && !IsCollection(configured) ? configured : null)
            : DebianDefaults.FirstOrDefault(File.Exists);

    private static bool IsCollection(string path) => path.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Makes PDFsharp print <see cref="Family"/> with the font at <paramref name="path"/> and <see cref="LatinFamily"/>
    /// with DejaVu Sans (or the same font when DejaVu is absent); each file is loaded once.</summary>
    public static void Use(string path)
    {
        lock (Gate)
        {
            Instance.Load(Family, path);
            Instance.Load(LatinFamily, File.Exists(LatinDefault) ? LatinDefault : path);

            if (!_registered)
            {
                GlobalFontSettings.FontResolver = Instance; // PDFsharp allows one resolver per process: always this one
                _registered = true;
            }
        }
    }

    /// <summary>Each family asked for is the file it was given, named by its path (PDFsharp keeps faces by name).</summary>
    private sealed class Resolver : IFontResolver
    {
        private readonly Dictionary<string, byte[]> _fonts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _families = new(StringComparer.Ordinal);

        public void Load(string family, string path)
        {
            if (!_fonts.ContainsKey(path))
            {
                _fonts[path] = File.ReadAllBytes(path);
            }

            _families[family] = path;
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            lock (Gate)
            {
                return _families.TryGetValue(familyName, out var path) ? new FontResolverInfo(path) : null;
            }
        }

        public byte[]? GetFont(string faceName)
        {
            lock (Gate)
            {
                return _fonts.GetValueOrDefault(faceName);
            }
        }
    }
}
