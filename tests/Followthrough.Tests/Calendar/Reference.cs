namespace Followthrough.Tests.Calendar;

/// <summary>The obvious, slow way: walk day by day. The engine must agree with it everywhere.</summary>
internal static class Reference
{
    public static (DateOnly Date, bool Provisional) AddWorkingDays(Func<DateOnly, bool> isWorking, ISet<int> official, DateOnly start, int n)
    {
        var date = start;
        var provisional = false;
        for (var counted = 0; counted < n;)
        {
            date = date.AddDays(1);
            provisional |= !official.Contains(date.Year);
            if (isWorking(date))
            {
                counted++;
            }
        }

        return (date, provisional);
    }

    public static (int WorkingDays, bool Provisional) Between(Func<DateOnly, bool> isWorking, ISet<int> official, DateOnly from, DateOnly to)
    {
        var (low, high, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        var provisional = false;
        for (var date = low.AddDays(1); date <= high; date = date.AddDays(1))
        {
            provisional |= !official.Contains(date.Year);
            if (isWorking(date))
            {
                count++;
            }
        }

        return (sign * count, provisional);
    }
}
