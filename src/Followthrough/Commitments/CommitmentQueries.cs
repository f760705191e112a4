using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tasks;

namespace Followthrough.Commitments;

/// <summary>A leader's commitment: the task that tracks it, where it stands today, the leader and the delivering unit.</summary>
public sealed record CommitmentRow(TaskSummary Task, CommitmentStanding Standing, PersonEntry? Leader, UnitEntry? LeadUnit);

/// <summary>
/// Leaders' public commitments are tasks with origin <see cref="OriginKind.LeaderCommitment"/>: the leader is the task's
/// lead leader, the occasion it was made on is the origin reference, the promised date is the deadline. Reusing the
/// task means a commitment is assigned, reported on, urged and verified exactly like any other work.
/// </summary>
public sealed class CommitmentQueries(TaskLedger tasks, OrganizationDirectory organization)
{
    public async Task<(IReadOnlyList<CommitmentRow> Rows, int Total)> ListAsync(
        CurrentUser user, int? leaderId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var filter = new TaskFilter(LeaderId: leaderId, Origin: OriginKind.LeaderCommitment);
        var (rows, total) = await tasks.ListAsync(user, filter, skip, take, cancellationToken);
        var leaders = await organization.PeopleAsync(rows.Where(r => r.LeadLeaderId is not null).Select(r => r.LeadLeaderId!.Value), cancellationToken);
        var units = await organization.UnitsAsync(rows.Select(r => r.LeadUnitId), cancellationToken);
        return ([.. rows.Select(r => new CommitmentRow(
            r, CommitmentStandings.From(r.Standing),
            r.LeadLeaderId is { } leader ? leaders.GetValueOrDefault(leader) : null,
            units.GetValueOrDefault(r.LeadUnitId)))], total);
    }
}
