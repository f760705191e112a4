namespace Followthrough.Directives.Extraction;

/// <summary>Five-year plan periods named as a time limit: “十四五”期末, 十四五规划末.</summary>
internal static class ChineseFiveYearPlans
{
    /// <summary>“十四五”期末, 十四五末: the end of the plan period; 十四五期间 only says when.</summary>
    public static bool FiveYearPlan(ref ChineseReader r, out int endYear, out bool explicitLimit)
    {
        endYear = 0;
        explicitLimit = false;
        var quoted = r.Take("“") || r.Take("\"");
        if (!r.Take("十"))
        {
            return false;
        }

        var digit = r.Peek();
        var n = Numerals.ChineseValue(digit);
        if (n is < 1 or > 9 || !r.Skip(1) || !r.Take("五"))
        {
            return false;
        }

        if (quoted && !(r.Take("”") || r.Take("\"")))
        {
            return false;
        }

        r.Take("规划");
        endYear = DeadlineContext.FiveYearPlanEnd(10 + n);
        if (r.Take("期末") || r.Take("末期") || r.Take("末"))
        {
            explicitLimit = true;
            r.Take("前");
            return true;
        }

        return r.Take("期间") || r.Take("时期") || r.Take("期内");
    }
}
