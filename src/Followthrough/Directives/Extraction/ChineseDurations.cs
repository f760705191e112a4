namespace Followthrough.Directives.Extraction;

/// <summary>A running period counted from the document's date: 20个工作日内, 3个月内, 两周内, 半年内.</summary>
internal static class ChineseDurations
{
    /// <summary>20个工作日内, 7日内, 3个月内, 两周内, 半年内, 一年内.</summary>
    public static bool Duration(ref ChineseReader r, DeadlineContext context, out DateOnly until)
    {
        until = default;
        long count;
        var half = false;
        if (r.Take("半"))
        {
            half = true;
            count = 1;
        }
        else if (!r.Number(out count) || count <= 0 || count > 100000)
        {
            return false;
        }

        r.Take("个");
        if (r.Take("工作日"))
        {
            until = half ? default : context.AddWorkingDays((int)count);
        }
        else if (r.Take("日") || r.Take("天"))
        {
            until = context.AddDays(count);
        }
        else if (r.Take("周") || r.Take("星期"))
        {
            until = context.AddDays(7 * count);
        }
        else if (r.Take("月"))
        {
            until = half ? context.AddDays(15) : context.AddMonths((int)Math.Min(count, 1200));
        }
        else if (r.Take("年"))
        {
            until = half ? context.AddMonths(6) : context.AddMonths((int)Math.Min(count, 100) * 12);
        }
        else
        {
            return false;
        }

        return until != default && (r.Take("内") || r.Take("以内") || r.Take("之内"));
    }
}
