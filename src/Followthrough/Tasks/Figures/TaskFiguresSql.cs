namespace Followthrough.Tasks;

/// <summary>
/// The grouped queries behind <see cref="TaskFigures"/> (the bulletin's figures), written once and spelled for each
/// database. Only the date arithmetic differs: SQLite stores dates as 'yyyy-MM-dd' text (julianday and substr read
/// them), PostgreSQL as date. Everything else, the states, the rule and the parameters (@from, @to, @today and each
/// cadence's period numbers @lo_w … @hi_q), is the same text. Period numbers are <see cref="ReportingOrdinals"/>'s.
/// </summary>
internal sealed class TaskFiguresSql(bool sqlite)
{
    private const string Completed = "COALESCE(t.completion_claimed_on, t.closed_on)";
    private const string Due = "t.deadline >= @from AND t.deadline <= @to AND t.state NOT IN ('Draft', 'Returned', 'Cancelled')";
    private const string Reporting = "t.assigned_on IS NOT NULL AND t.signed_on IS NOT NULL";
    private const string ClosedLate = "(t.state = 'Closed' AND COALESCE(t.completion_claimed_on, t.closed_on, t.deadline) > t.deadline)";
    private const string ClosedOnTime = "(t.state = 'Closed' AND COALESCE(t.completion_claimed_on, t.closed_on, t.deadline) <= t.deadline)";
    private const string Overdue = "(t.state IN ('Assigned', 'SignedFor', 'InProgress') AND t.deadline < @today)";

    private static readonly (ReportingCadence Cadence, string Suffix)[] Calendar =
        [(ReportingCadence.Weekly, "w"), (ReportingCadence.Monthly, "m"), (ReportingCadence.Quarterly, "q")];

    /// <summary>
    /// One pass over the tasks due in the period (a range scan of <c>evaluation_tasks_due</c>), grouped by lead unit and,
    /// for delayed tasks, by deadline and late completion day (so delays can be summed in working days per group):
    /// unit, delayed deadline, late end, due, closed on time, closed late, overdue, awaiting, reporting periods owed
    /// (those ending before the completion day; the answered ones ending on it are added), then, for the tasks whose
    /// answered periods are summarized (tasks.reported_periods, see <see cref="ReportedPeriods"/>), the periods answered
    /// on time and how many of them end on the completion day, then how many reporting tasks are not summarized (their
    /// reports are read by <see cref="Reports"/>), and last a task id naming the rare summarized tasks whose
    /// completion-day period may have been answered late (as in <see cref="Reports"/>), null for all others.
    /// For a calendar cadence a task owes the periods numbered from max(@lo, its first) to below min(@hi, its completion
    /// day's period): its first period is the one its assignment day starts, else the next (the part-period folds in).
    /// </summary>
    public string Tasks => $"""
        SELECT t.lead_unit_id,
               CASE WHEN {ClosedLate} OR {Overdue} THEN t.deadline END,
               CASE WHEN {ClosedLate} THEN {Completed} END,
               CAST(COUNT(*) AS BIGINT),
               CAST(SUM(CASE WHEN {ClosedOnTime} THEN 1 ELSE 0 END) AS BIGINT),
               CAST(SUM(CASE WHEN {ClosedLate} THEN 1 ELSE 0 END) AS BIGINT),
               CAST(SUM(CASE WHEN {Overdue} THEN 1 ELSE 0 END) AS BIGINT),
               CAST(SUM(CASE WHEN t.state = 'CompletionClaimed' THEN 1 ELSE 0 END) AS BIGINT),
               CAST(SUM({ReportsOwed}) AS BIGINT),
               CAST(SUM({SummaryAnswered}) AS BIGINT),
               CAST(SUM({SummaryOnDay}) AS BIGINT),
               CAST(SUM(CASE WHEN t.reported_periods IS NULL AND {Reporting} THEN 1 ELSE 0 END) AS BIGINT),
               {SummaryCandidate}
        FROM tasks AS t
        WHERE {Due}
        GROUP BY 1, 2, 3, 13
        """;

    /// <summary>
    /// Periods answered in [lo, hi), read from the summary: character (k − first + 1) stands for period k, so the count
    /// is the '1's of one substring. Zero for tasks not summarized (and not reporting).
    /// </summary>
    private string SummaryAnswered =>
        $"CASE WHEN t.reported_periods IS NULL OR NOT ({Reporting}) THEN 0"
        + string.Concat(Calendar.Select(c =>
            $" WHEN t.reporting_cadence = '{c.Cadence}' THEN length(replace(substr(t.reported_periods, {Lo(c)} - {First(c.Cadence)} + 1, "
            + $"{Greatest($"{Hi(c)} - {Lo(c)}", "0")}), '0', ''))"))
        + $" WHEN t.reporting_cadence = '{ReportingCadence.OnTimeNodes}' THEN CASE WHEN {NodesLo} = 0 AND {NodesHi} = 1 AND substr(t.reported_periods, 1, 1) = '1' THEN 1 ELSE 0 END"
        + " ELSE 0 END";

    /// <summary>Of those, the one ending on the completion day (counted only when answered).</summary>
    private string SummaryOnDay =>
        $"CASE WHEN t.reported_periods IS NULL OR NOT ({Reporting}) THEN 0"
        + string.Concat(Calendar.Select(c =>
            $" WHEN t.reporting_cadence = '{c.Cadence}' THEN CASE WHEN {Ends(c.Cadence, Completed)} AND {Ord(c.Cadence, Completed)} >= {Lo(c)} AND {Ord(c.Cadence, Completed)} < {Hi(c)}"
            + $" AND substr(t.reported_periods, {Ord(c.Cadence, Completed)} - {First(c.Cadence)} + 1, 1) = '1' THEN 1 ELSE 0 END"))
        + $" WHEN t.reporting_cadence = '{ReportingCadence.OnTimeNodes}' THEN CASE WHEN {NodesLo} = 0 AND {NodesHi} = 1 AND {Completed} = t.deadline"
        + " AND substr(t.reported_periods, 1, 1) = '1' THEN 1 ELSE 0 END"
        + " ELSE 0 END";

    /// <summary>A summarized task that completed on the last day of a period in the bulletin and reported after that day
    /// (the EXISTS runs only for tasks that meet the cheap conditions before it).</summary>
    private string SummaryCandidate =>
        $"CASE WHEN t.reported_periods IS NOT NULL AND {Reporting} AND {CompletedOnPeriodEnd} AND EXISTS (SELECT 1 FROM progress_reports AS r"
        + $" WHERE r.task_id = t.id AND r.returned_at IS NULL AND r.reported_on > {Completed}) THEN t.id END";

    /// <summary>Reporting periods a task owes that end before its completion day, by cadence.</summary>
    private string ReportsOwed =>
        "CASE WHEN t.assigned_on IS NULL OR t.signed_on IS NULL THEN 0"
        + string.Concat(Calendar.Select(c =>
            $" WHEN t.reporting_cadence = '{c.Cadence}' THEN "
            + Greatest("0", $"{Least($"@hi_{c.Suffix}", $"COALESCE({Ord(c.Cadence, Completed)}, @hi_{c.Suffix})")} - {Greatest($"@lo_{c.Suffix}", First(c.Cadence))}")))
        + $" WHEN t.reporting_cadence = '{ReportingCadence.OnTimeNodes}' THEN CASE WHEN t.deadline >= t.assigned_on AND t.deadline < @today"
        + $" AND ({Completed} IS NULL OR {Completed} > t.deadline) THEN 1 ELSE 0 END ELSE 0 END";

    /// <summary>
    /// One pass over the reports (those not returned) of the due tasks whose answered periods are not summarized (they
    /// are NULL until the fill, <see cref="ReportedPeriodSummaries"/>, reaches them), grouped by unit: reporting periods answered on time,
    /// and how many of them end on the task's completion day (owed only because they were answered). A period is on
    /// time exactly when a report falls in it, since a late report only ever fills a period already over; each (task,
    /// period) counts once. Under the time-node cadence the deadline closes the task's only period, as
    /// <see cref="ReportSchedule"/> has it. Rows with a task id in the second column name the rare tasks completed on the
    /// last day of a period that reported after it: whether that period was answered late depends on which earlier
    /// periods the later reports filled, so <see cref="ReportSchedule"/> itself decides for those few.
    /// Columns: unit, candidate task (or null), periods on time, of which ending on the completion day.
    /// </summary>
    public string Reports => $"""
        SELECT a.unit_id, a.candidate, CAST(SUM(a.in_range) AS BIGINT), CAST(SUM(a.on_day) AS BIGINT)
        FROM (SELECT DISTINCT p.task_id, p.unit_id,
                     CASE WHEN {InRange} THEN p.k END AS k,
                     CASE WHEN {InRange} THEN 1 ELSE 0 END AS in_range,
                     CASE WHEN {InRange} AND p.k = p.day_k THEN 1 ELSE 0 END AS on_day,
                     CASE WHEN p.after_completion THEN p.task_id END AS candidate
              FROM (SELECT t.id AS task_id, t.lead_unit_id AS unit_id,
                           CASE {string.Concat(Calendar.Select(c => $" WHEN t.reporting_cadence = '{c.Cadence}' THEN {Greatest(First(c.Cadence), Ord(c.Cadence, "r.reported_on"))}"))}
                                ELSE CASE WHEN r.reported_on <= t.deadline THEN 0 ELSE -1 END END AS k,
                           CASE {string.Concat(Calendar.Select(c => $" WHEN t.reporting_cadence = '{c.Cadence}' THEN {Lo(c)}"))}
                                ELSE {NodesLo} END AS lo,
                           CASE {string.Concat(Calendar.Select(c => $" WHEN t.reporting_cadence = '{c.Cadence}' THEN {Hi(c)}"))}
                                ELSE {NodesHi} END AS hi,
                           CASE {string.Concat(Calendar.Select(c => $" WHEN t.reporting_cadence = '{c.Cadence}' THEN CASE WHEN {Ends(c.Cadence, Completed)} THEN {Ord(c.Cadence, Completed)} END"))}
                                ELSE CASE WHEN {Completed} = t.deadline THEN 0 END END AS day_k,
                           ({CompletedOnPeriodEnd} AND r.reported_on > {Completed}) AS after_completion
                    FROM tasks AS t
                    JOIN progress_reports AS r ON r.task_id = t.id
                    WHERE {Due} AND {Reporting} AND t.reported_periods IS NULL AND r.returned_at IS NULL) AS p
              WHERE {InRange} OR p.after_completion) AS a
        GROUP BY a.unit_id, a.candidate
        """;

    private const string InRange = "(p.k >= p.lo AND p.k < p.hi)";

    /// <summary>The first period a calendar-cadence task is counted for in the bulletin: the bulletin's or the task's first.</summary>
    private string Lo((ReportingCadence Cadence, string Suffix) c) => Greatest($"@lo_{c.Suffix}", First(c.Cadence));

    /// <summary>One past the last period counted: the bulletin's, or the one the completion day ends (owed if answered).</summary>
    private string Hi((ReportingCadence Cadence, string Suffix) c) =>
        Least($"@hi_{c.Suffix}", $"COALESCE({Ord(c.Cadence, Completed)} + CASE WHEN {Ends(c.Cadence, Completed)} THEN 1 ELSE 0 END, @hi_{c.Suffix})");

    /// <summary>Under the time-node cadence the deadline closes period 0: counted from 0 when assigned by then.</summary>
    private const string NodesLo = "CASE WHEN t.deadline >= t.assigned_on THEN 0 ELSE 1 END";

    private const string NodesHi = $"CASE WHEN t.deadline < @today AND ({Completed} IS NULL OR {Completed} >= t.deadline) THEN 1 ELSE 0 END";

    /// <summary>Completed within the bulletin, before today, on the last day of a reporting period.</summary>
    private string CompletedOnPeriodEnd =>
        $"({Completed} >= @from AND {Completed} <= @to AND {Completed} < @today"
        + $" AND CASE {string.Concat(Calendar.Select(c => $" WHEN t.reporting_cadence = '{c.Cadence}' THEN {Ends(c.Cadence, Completed)}"))} ELSE {Completed} = t.deadline END)";

    public static IEnumerable<(string Name, object Value)> Parameters(DateOnly from, DateOnly to, DateOnly today)
    {
        yield return ("from", from);
        yield return ("to", to);
        yield return ("today", today);
        foreach (var (cadence, suffix) in Calendar)
        {
            yield return ($"lo_{suffix}", ReportingOrdinals.FirstEndingOnOrAfter(cadence, from));
            yield return ($"hi_{suffix}", Math.Min(ReportingOrdinals.PastLastEndingBy(cadence, to), ReportingOrdinals.Of(cadence, today)));
        }
    }

    /// <summary>The number of the task's first reporting period.</summary>
    private string First(ReportingCadence cadence) =>
        $"({Ord(cadence, "t.assigned_on")} + CASE WHEN {Starts(cadence, "t.assigned_on")} THEN 0 ELSE 1 END)";

    private string Least(string a, string b) => sqlite ? $"min({a}, {b})" : $"LEAST({a}, {b})";

    private string Greatest(string a, string b) => sqlite ? $"max({a}, {b})" : $"GREATEST({a}, {b})";

    // Days since Monday 1 January 1900 (ReportingOrdinals.WeekZero); its Julian day number is 2415020.5.
    private string DaysSinceWeekZero(string day) => sqlite ? $"CAST(julianday({day}) - 2415020.5 AS INTEGER)" : $"({day} - DATE '1900-01-01')";

    private string Year(string day) => sqlite ? $"CAST(substr({day}, 1, 4) AS INTEGER)" : $"EXTRACT(YEAR FROM {day})::int";

    private string Month(string day) => sqlite ? $"CAST(substr({day}, 6, 2) AS INTEGER)" : $"EXTRACT(MONTH FROM {day})::int";

    private string DayOfMonth(string day) => sqlite ? $"CAST(substr({day}, 9, 2) AS INTEGER)" : $"EXTRACT(DAY FROM {day})::int";

    private string NextDay(string day) => sqlite ? $"date({day}, '+1 day')" : $"({day} + 1)";

    private string Ord(ReportingCadence cadence, string day) => cadence switch
    {
        ReportingCadence.Weekly => $"({DaysSinceWeekZero(day)} / 7)",
        ReportingCadence.Monthly => $"({Year(day)} * 12 + {Month(day)} - 1)",
        _ => $"({Year(day)} * 4 + ({Month(day)} - 1) / 3)",
    };

    private string Starts(ReportingCadence cadence, string day) => cadence switch
    {
        ReportingCadence.Weekly => $"({DaysSinceWeekZero(day)} % 7 = 0)",
        ReportingCadence.Monthly => $"({DayOfMonth(day)} = 1)",
        _ => $"({DayOfMonth(day)} = 1 AND {Month(day)} IN (1, 4, 7, 10))",
    };

    private string Ends(ReportingCadence cadence, string day) => cadence == ReportingCadence.Weekly
        ? $"({DaysSinceWeekZero(day)} % 7 = 6)"
        : Starts(cadence, NextDay(day));
}
