namespace Followthrough.Directives.Extraction;

/// <summary>"Before the festival": 春节前, 国庆节前, 元旦之前, 节前 as a time limit.</summary>
internal static class ChineseFestivals
{
    private static readonly string[] Festivals = ["春节", "国庆节", "国庆", "元旦", "中秋节", "清明节", "端午节", "五一", "节"];

    /// <summary>春节前, 国庆节之前, 节前: the holiday's date is left open.</summary>
    public static DeadlineMatch? Before(ChineseReader r, int start)
    {
        foreach (var name in Festivals)
        {
            var probe = r;
            if (probe.Take(name) && (probe.Take("前") || probe.Take("之前") || probe.Take("以前")))
            {
                return new DeadlineMatch(new TextSpan(start, probe.Position), null, true, false);
            }
        }

        return null;
    }
}
