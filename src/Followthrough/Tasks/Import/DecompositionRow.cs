using Followthrough.Organization;

namespace Followthrough.Tasks;

/// <summary>
/// Turns one row of a decomposition table into the input of a draft task: the task text, lead and co-operating units,
/// the lead leader, the deadline and time nodes, supervision level, reporting cadence and tags. Every cell's problem
/// is recorded on the row; a row with any error gives no task.
/// </summary>
internal static class DecompositionRow
{
    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '\n'];
    private static readonly char[] NodeSeparators = [';', '；', '\n', '。'];

    public static TaskInput? Read(RowReader line, UnitsAndLeaders directory, ImportSource source)
    {
        var title = Title(line);
        var partners = Units(line, directory, out var lead);
        var leader = Leader(line, directory);
        var deadline = Deadline(line);
        var nodes = TimeNodes(line, deadline);
        var level = line[ImportColumn.Level] switch
        {
            "" or "常规" or "一般" => SupervisionLevel.Routine,
            "重点" or "重点督办" => SupervisionLevel.Key,
            var other when Enum.TryParse<SupervisionLevel>(other, true, out var parsed) => parsed,
            var other => line.Error(ImportColumn.Level, $"Unknown supervision level: {other} (重点 or 常规).", SupervisionLevel.Routine),
        };
        var cadence = line[ImportColumn.Cadence] switch
        {
            "" or "每月" or "月报" => ReportingCadence.Monthly,
            "每周" or "周报" => ReportingCadence.Weekly,
            "每季度" or "季报" => ReportingCadence.Quarterly,
            "按节点" or "按时间节点" => ReportingCadence.OnTimeNodes,
            var other when Enum.TryParse<ReportingCadence>(other, true, out var parsed) => parsed,
            var other => line.Error(ImportColumn.Cadence, $"Unknown reporting cadence: {other} (每周, 每月, 每季度 or 按节点).", ReportingCadence.Monthly),
        };

        var code = line[ImportColumn.Code];
        if (line.HasErrors)
        {
            return null;
        }

        return new TaskInput
        {
            Code = code.Length == 0 ? null : code,
            Title = title,
            Description = line[ImportColumn.Description],
            OriginKind = source.OriginKind,
            OriginId = source.OriginId,
            OriginReference = source.OriginReference,
            LeadLeaderId = leader?.Id,
            LeadUnitId = lead!.Id,
            SupervisionLevel = level,
            DeadlineKind = deadline!.Kind,
            Deadline = deadline.Date,
            DeadlineWorkingDays = deadline.WorkingDays,
            ReportingCadence = cadence,
            Partners = partners,
            TimeNodes = nodes,
            Tags = TaskTag.Split(line[ImportColumn.Tags]),
        };
    }

    private static string Title(RowReader line)
    {
        var title = line[ImportColumn.Task];
        if (title.Length == 0)
        {
            line.Error(ImportColumn.Task, "The task text is missing.");
        }
        else if (title.Length > TaskValidation.MaxTitle)
        {
            line.Error(ImportColumn.Task, $"The task text is longer than {TaskValidation.MaxTitle} characters.");
        }

        return title;
    }

    /// <summary>
    /// The lead unit (the first named under 牵头单位) and the co-operating units. A task has one lead unit, so further
    /// units under 牵头单位 co-operate as co-leads (共同牵头); a unit named twice is recorded once.
    /// </summary>
    private static List<PartnerInput> Units(RowReader line, UnitsAndLeaders directory, out UnitEntry? lead)
    {
        var leadUnits = Split(line[ImportColumn.LeadUnit]);
        lead = leadUnits.Count == 0 ? null : directory.Unit(leadUnits[0]);
        if (leadUnits.Count == 0)
        {
            line.Error(ImportColumn.LeadUnit, "The lead unit is missing.");
        }

        var partners = new List<PartnerInput>();
        foreach (var name in leadUnits)
        {
            var unit = directory.Unit(name);
            if (unit is null)
            {
                line.Error(ImportColumn.LeadUnit, $"Unknown unit: {name}.");
            }
            else if (unit != lead)
            {
                partners.Add(new PartnerInput(unit.Id, "共同牵头"));
                line.Warning(ImportColumn.LeadUnit, $"{name} is recorded as a co-operating unit that co-leads: a task has one lead unit.");
            }
        }

        foreach (var name in Split(line[ImportColumn.Partners]))
        {
            var unit = directory.Unit(name);
            if (unit is null)
            {
                line.Error(ImportColumn.Partners, $"Unknown unit: {name}.");
            }
            else if (unit != lead && partners.TrueForAll(p => p.UnitId != unit.Id))
            {
                partners.Add(new PartnerInput(unit.Id, string.Empty));
            }
        }

        return partners;
    }

    private static PersonEntry? Leader(RowReader line, UnitsAndLeaders directory)
    {
        PersonEntry? leader = null;
        var leaders = Split(line[ImportColumn.LeadLeader]);
        foreach (var name in leaders)
        {
            var person = directory.Leader(name);
            if (person is null)
            {
                line.Error(ImportColumn.LeadLeader, $"Unknown leader: {name} (a person with the Leader role).");
            }

            leader ??= person;
        }

        if (leaders.Count > 1)
        {
            line.Warning(ImportColumn.LeadLeader, "Only the first leader is recorded as lead leader.");
        }

        return leader;
    }

    private static ParsedDeadline? Deadline(RowReader line)
    {
        var deadlineText = line[ImportColumn.Deadline];
        var deadline = DeadlineText.Parse(deadlineText);
        if (deadline is null)
        {
            line.Error(ImportColumn.Deadline, deadlineText.Length == 0
                ? "The deadline is missing; write 长期坚持 for long-term work."
                : $"Not a deadline: {deadlineText} (write e.g. 2021年6月底前, 2021-06-30, 20个工作日 or 长期坚持).");
        }

        return deadline;
    }

    /// <summary>Each time node is a date and what is due then ("2021年5月底前完成方案制定"); none may fall after the deadline.</summary>
    private static List<TimeNodeInput> TimeNodes(RowReader line, ParsedDeadline? deadline)
    {
        var nodes = new List<TimeNodeInput>();
        foreach (var part in line[ImportColumn.TimeNodes].Split(NodeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DeadlineText.Find(part) is not { } found)
            {
                line.Error(ImportColumn.TimeNodes, $"No date in the time node: {part}.");
                continue;
            }

            var what = (part[..found.Index] + part[(found.Index + found.Length)..]).Trim().Trim('：', ':', '，', ',', '（', '）', '(', ')', ' ');
            nodes.Add(new TimeNodeInput(what.Length == 0 ? part : what, found.Date));
            if (deadline?.Date is { } due && found.Date > due)
            {
                line.Error(ImportColumn.TimeNodes, $"The time node {part} falls after the deadline.");
            }
        }

        return nodes;
    }

    private static List<string> Split(string text) =>
        [.. text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
