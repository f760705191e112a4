namespace Followthrough.Tasks;

/// <summary>The columns a decomposition table may have, and the headers (Chinese or English) that name them.</summary>
internal enum ImportColumn
{
    Number,
    Code,
    Task,
    Description,
    LeadLeader,
    LeadUnit,
    Partners,
    Deadline,
    TimeNodes,
    Tags,
    Level,
    Cadence,
}

internal static class ImportColumns
{
    private static readonly Dictionary<ImportColumn, string[]> Headers = new()
    {
        [ImportColumn.Number] = ["序号", "no", "no.", "number", "#"],
        [ImportColumn.Code] = ["编号", "任务编号", "code", "task code"],
        [ImportColumn.Task] = ["任务内容", "任务", "工作任务", "重点任务", "主要任务", "任务名称", "具体任务", "task", "tasks", "task content"],
        [ImportColumn.Description] = ["工作措施", "具体措施", "说明", "description", "details", "measures"],
        [ImportColumn.LeadLeader] = ["牵头领导", "责任领导", "分管领导", "牵头市领导", "lead leader", "leader", "responsible leader"],
        [ImportColumn.LeadUnit] = ["牵头单位", "责任单位", "牵头部门", "主责单位", "lead unit", "lead department", "responsible unit"],
        [ImportColumn.Partners] = ["配合单位", "协办单位", "参与单位", "配合部门", "co-operating units", "cooperating units", "co-operating unit", "cooperating unit", "partners", "supporting units"],
        [ImportColumn.Deadline] = ["完成时限", "完成时间", "时限", "时限要求", "deadline", "completion deadline", "due"],
        [ImportColumn.TimeNodes] = ["时间节点", "节点", "阶段目标", "time nodes", "time node", "milestones"],
        [ImportColumn.Tags] = ["标签", "tags"],
        [ImportColumn.Level] = ["督办级别", "supervision level", "level"],
        [ImportColumn.Cadence] = ["报送频次", "reporting cadence", "cadence"],
    };

    /// <summary>The column a header names, ignoring case, spaces, asterisks and brackets ("*牵头单位", "Lead Unit").</summary>
    public static ImportColumn? Match(string? header)
    {
        var key = Normalize(header);
        foreach (var (column, names) in Headers)
        {
            if (names.Any(n => Normalize(n) == key))
            {
                return column;
            }
        }

        return null;
    }

    private static string Normalize(string? text) =>
        new([.. (text ?? string.Empty).Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '（' or '）' or '(' or ')' or ':' or '：'))]);
}
