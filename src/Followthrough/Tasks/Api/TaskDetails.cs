namespace Followthrough.Tasks;

/// <summary>Builds the API's view of one task.</summary>
internal static class TaskDetails
{
    public static async Task<TaskDetailDto> BuildAsync(TaskView view, TaskDirectory directory, CancellationToken cancellationToken)
    {
        var t = view.Task;
        await directory.PrepareAsync([t, .. view.SubTasks.Select(s => s.Task)], cancellationToken);
        var unit = directory.Unit(t.LeadUnitId);
        return new TaskDetailDto(
            t.Id, t.Code, t.Title, t.Description, t.State, t.ParentId, t.OriginKind, t.OriginId, t.OriginReference,
            unit is null ? null : UnitRef.From(unit),
            PersonRef.From(directory.Person(t.LeadLeaderId)),
            PersonRef.From(directory.Person(t.ResponsiblePersonId)),
            t.SupervisionLevel, t.StartDate, t.DeadlineKind, t.Deadline, t.DeadlineWorkingDays, t.DeadlineProvisional,
            t.ReportingCadence, t.NextReportDue, t.AssignedOn, t.SignForBy, t.SignedOn, t.CompletionClaimedOn, t.ClosedOn,
            t.Percent, t.LastReportOn, t.NeedsRework, t.ExtensionPending,
            [.. t.Tags.Select(x => x.Tag).Order(StringComparer.Ordinal)],
            [.. t.Partners.OrderBy(p => p.Id).Select(p => new PartnerDto(
                directory.Unit(p.UnitId) is { } u ? UnitRef.From(u) : new UnitRef(p.UnitId, "?", "?", "?"), p.Part, p.SubTaskId))],
            [.. t.TimeNodes.OrderBy(n => n.DueOn).Select(n => new TimeNodeDto(n.Id, n.Title, n.DueOn, n.ReachedOn))],
            [.. view.SubTasks.Select(s => new SubTaskDto(
                s.Task.Id, s.Task.Code, s.Task.Title, directory.Unit(s.Task.LeadUnitId) is { } su ? UnitRef.From(su) : null,
                s.Task.State, s.Task.Percent, s.Task.LastReportOn, StandingDto.From(s.Standing)))],
            [.. view.Extensions.Select(ExtensionDto.From)],
            StandingDto.From(view.Standing),
            view.Part,
            [.. view.Allowed.Select(a => a.Name())],
            t.Version);
    }
}
