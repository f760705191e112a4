namespace Followthrough.Directives.Extraction;

/// <summary>"before the Spring Festival", "by National Day": holidays named as a time limit, whose date is left open.</summary>
internal static class EnglishFestivals
{
    private static readonly string[][] Festivals =
    [
        ["spring", "festival"], ["lunar", "new", "year"], ["national", "day"], ["new", "year's", "day"],
        ["mid-autumn", "festival"], ["dragon", "boat", "festival"], ["labour", "day"], ["labor", "day"],
        ["qingming", "festival"], ["chinese", "new", "year"],
    ];

    public static bool Festival(ref EnglishCursor cursor)
    {
        foreach (var festival in Festivals)
        {
            var probe = cursor;
            if (probe.Phrase(festival))
            {
                cursor = probe;
                return true;
            }
        }

        return false;
    }
}
