using System.Globalization;
using Followthrough.Tasks;

namespace Followthrough.Supervision;

/// <summary>What an escalation does to a late task.</summary>
internal enum EscalationStep
{
    /// <summary>The task becomes a key item (重点督办) and its lead leader is told.</summary>
    KeyItem,

    /// <summary>The task goes on the special supervision list (专项督查).</summary>
    SpecialSupervision,
}

/// <summary>Overdue by <see cref="AfterWorkingDays"/> working days or more: take <see cref="Step"/>.</summary>
internal sealed record EscalationRule(int AfterWorkingDays, EscalationStep Step);

/// <summary>A notice the rules call for, before it is addressed and written.</summary>
internal sealed record PlannedNotice(string Key, NoticeKind Kind, DateOnly? DueOn, int? WorkingDaysLate, EscalationStep? Escalation = null);

/// <summary>
/// The supervision office's rules, pure: given a running task's stored due days and today, which reminders, urging
/// notices and escalations are due. The keys name the occasion (the task, what, and the due day or the threshold), so
/// the same occasion is never announced twice; a new deadline or time node is a new occasion.
/// Whether a due day has passed or is near, and how many working days late, is <see cref="TaskStanding.AgainstDueDay"/>'s
/// answer, the same as on the task page; the ladder and the notices are decided here.
/// </summary>
internal static class SupervisionRules
{
    /// <summary>The escalation ladder, lowest first, as configured (default 5 and 10 working days).</summary>
    /// <remarks>Built without LINQ: the daily run asks for it once per late task, hundreds of thousands of times.</remarks>
    public static IReadOnlyList<EscalationRule> Escalations(SupervisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keyItem = new EscalationRule(options.KeyItemAfterWorkingDays, EscalationStep.KeyItem);
        var special = new EscalationRule(options.SpecialListAfterWorkingDays, EscalationStep.SpecialSupervision);
        return special.AfterWorkingDays < keyItem.AfterWorkingDays ? [special, keyItem] : [keyItem, special];
    }

    /// <summary>The escalation steps a task this late has reached.</summary>
    public static IReadOnlyList<EscalationRule> Reached(int workingDaysLate, SupervisionOptions options)
    {
        var reached = new List<EscalationRule>(2);
        foreach (var rule in Escalations(options))
        {
            if (rule.AfterWorkingDays > 0 && workingDaysLate >= rule.AfterWorkingDays)
            {
                reached.Add(rule);
            }
        }

        return reached;
    }

    /// <summary>The ladder's thresholds as text, e.g. "5,10": a settled task is settled under one ladder only.</summary>
    public static string LadderName(SupervisionOptions options) =>
        string.Join(',', Escalations(options).Where(r => r.AfterWorkingDays > 0).Select(r => r.AfterWorkingDays.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Whether these notices, planned for a task due on <paramref name="due"/>, are all the due pass will ever plan for
    /// that due day: it has passed, and the task is late enough for every step of the ladder. Only a new due day or a new
    /// ladder can bring another notice.
    /// </summary>
    public static bool SaysAll(IReadOnlyList<PlannedNotice> planned, DateOnly due, DateOnly today, SupervisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return due < today && planned.Count(p => p.Escalation is not null) == Escalations(options).Count(r => r.AfterWorkingDays > 0);
    }

    /// <summary>
    /// The notices a running task's stored due days call for today. Whether a day is overdue or due soon, and how many
    /// working days late, is <see cref="TaskStanding"/>'s answer; what the office sends for it is decided here.
    /// </summary>
    public static IReadOnlyList<PlannedNotice> Plan(
        int taskId, DateOnly? nextDue, DateOnly? nextReportDue, DateOnly today,
        IWorkingDayCalendar calendar, TaskOptions taskOptions, SupervisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(taskOptions);
        ArgumentNullException.ThrowIfNull(options);
        var planned = new List<PlannedNotice>();
        if (nextDue is { } due)
        {
            var standing = TaskStanding.AgainstDueDay(due, today, calendar, taskOptions);
            if (standing is { Kind: StandingKind.Overdue, WorkingDaysLate: { } late })
            {
                planned.Add(new(Key(taskId, "overdue", Day(due)), NoticeKind.Overdue, due, late));
                foreach (var rule in Reached(late, options))
                {
                    var kind = rule.Step == EscalationStep.KeyItem ? NoticeKind.KeyItem : NoticeKind.SpecialSupervision;
                    planned.Add(new(Key(taskId, "escalate", rule.AfterWorkingDays.ToString(CultureInfo.InvariantCulture)), kind, due, late, rule.Step));
                }
            }
            else if (standing.Kind == StandingKind.DueSoon)
            {
                planned.Add(new(Key(taskId, "due-soon", Day(due)), NoticeKind.DueSoon, due, null));
            }
        }

        if (nextReportDue is { } reportDue && TaskStanding.IsReportOverdue(reportDue, today))
        {
            planned.Add(new(Key(taskId, "report-overdue", Day(reportDue)), NoticeKind.ReportOverdue, reportDue, calendar.Between(reportDue, today)));
        }

        return planned;
    }

    public static string Key(int taskId, string what, string occasion) =>
        string.Create(CultureInfo.InvariantCulture, $"task:{taskId}:{what}:{occasion}");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
