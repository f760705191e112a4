using System.Globalization;
using Followthrough.Tasks.Pages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks;

/// <summary>
/// The three lists as tables in the reader's language. The task list uses the columns of the decomposition table,
/// so an exported list can be edited and imported again.
/// </summary>
internal static class ListTables
{
    public static ListTable Tasks(IReadOnlyList<TaskRow> rows, TaskDirectory directory, IStringLocalizer<TasksText> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(t);
        var zh = IsChinese(culture);
        string[] headers = zh
            ? ["序号", "编号", "任务内容", "牵头领导", "牵头单位", "配合单位", "完成时限", "时间节点", "状态", "进度", "来源", "标签"]
            : ["No.", "Code", "Task", "Lead leader", "Lead unit", "Co-operating units", "Deadline", "Time nodes", "State", "Progress", "Origin", "Tags"];
        var lines = rows.Select((row, i) =>
        {
            var task = row.Task;
            return (IReadOnlyList<string>)
            [
                (i + 1).ToString(CultureInfo.InvariantCulture),
                task.Code,
                task.Title,
                directory.PersonName(task.LeadLeaderId, culture),
                directory.UnitName(task.LeadUnitId, culture),
                string.Join("、", task.Partners.Select(p => directory.UnitName(p.UnitId, culture))),
                DeadlineText(task, zh),
                string.Join("；", task.TimeNodes.OrderBy(n => n.DueOn).Select(n => $"{Iso(n.DueOn)} {n.Title}")),
                t[TaskLabels.Of(task.State)],
                $"{task.Percent.ToString(CultureInfo.InvariantCulture)}%",
                t[TaskLabels.Of(task.OriginKind)] + (task.OriginReference is { } reference ? $" {reference}" : string.Empty),
                string.Join("、", task.Tags.Select(x => x.Tag).Order(StringComparer.Ordinal)),
            ];
        }).ToList();
        return new ListTable(zh ? "任务清单" : "Task list", headers, lines);
    }

    public static ListTable Responsibilities(IReadOnlyList<ResponsibilityRow> rows, TaskDirectory directory, IStringLocalizer<TasksText> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(t);
        var zh = IsChinese(culture);
        string[] headers = zh
            ? ["单位", "单位代码", "职责", "任务编号", "任务内容", "分工", "完成时限", "状态"]
            : ["Unit", "Unit code", "Role", "Task code", "Task", "Part", "Deadline", "State"];
        var lines = rows.Select(r => (IReadOnlyList<string>)
        [
            directory.UnitName(r.UnitId, culture),
            r.UnitCode,
            r.IsLead ? t["Lead"] : t["Co-operating"],
            r.TaskCode,
            r.Title,
            r.Part,
            DeadlineText(r.DeadlineKind, r.Deadline, r.DeadlineWorkingDays, zh),
            t[TaskLabels.Of(r.State)],
        ]).ToList();
        return new ListTable(zh ? "责任清单" : "Responsibility list", headers, lines);
    }

    public static ListTable TimeLimits(IReadOnlyList<TimeLimitRow> rows, TaskDirectory directory, IStringLocalizer<TasksText> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(t);
        var zh = IsChinese(culture);
        string[] headers = zh
            ? ["日期", "类型", "事项", "任务编号", "任务内容", "牵头单位", "状态", "完成情况"]
            : ["Date", "Kind", "What is due", "Task code", "Task", "Lead unit", "State", "Reached"];
        var lines = rows.Select(r => (IReadOnlyList<string>)
        [
            Iso(r.Date),
            r.IsDeadline ? t["Deadline"] : t["Time node"],
            r.NodeTitle ?? r.Title,
            r.TaskCode,
            r.Title,
            directory.UnitName(r.LeadUnitId, culture),
            t[TaskLabels.Of(r.State)],
            r.ReachedOn is { } reached ? Iso(reached) : string.Empty,
        ]).ToList();
        return new ListTable(zh ? "时限清单" : "Time-node list", headers, lines);
    }

    public static string DeadlineText(WorkTask task, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(task);
        return DeadlineText(task.DeadlineKind, task.Deadline, task.DeadlineWorkingDays, chinese);
    }

    /// <summary>The deadline as the import reads it back: a date, "20个工作日" before assignment, or 长期坚持.</summary>
    public static string DeadlineText(DeadlineKind kind, DateOnly? deadline, int? workingDays, bool chinese) => (kind, deadline) switch
    {
        (_, { } date) => Iso(date),
        (DeadlineKind.WorkingDays, null) => chinese
            ? $"{workingDays?.ToString(CultureInfo.InvariantCulture)}个工作日"
            : $"{workingDays?.ToString(CultureInfo.InvariantCulture)} working days",
        (DeadlineKind.None, null) => chinese ? "长期坚持" : "long-term",
        _ => string.Empty,
    };

    public static bool IsChinese(CultureInfo culture) => culture?.TwoLetterISOLanguageName == "zh";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
