using Followthrough.Accounts;
using Followthrough.Tasks;

namespace Followthrough.Commitments;

/// <summary>A leader's commitment with the task that tracks it and its standing today.</summary>
public sealed record CommitmentRow(TaskRow Row, CommitmentStanding Standing);

/// <summary>
/// Leaders' public commitments are tasks with origin <see cref="OriginKind.LeaderCommitment"/>: the leader is the task's
/// lead leader, the occasion it was made on is the origin reference, the promised date is the deadline. Reusing the
/// task means a commitment is assigned, reported on, urged and verified exactly like any other work.
/// </summary>
public sealed class CommitmentQueries(TaskQueries queries)
{
    public async Task<(IReadOnlyList<CommitmentRow> Rows, int Total)> ListAsync(
        CurrentUser user, int? leaderId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var filter = new TaskFilter(LeaderId: leaderId, Origin: OriginKind.LeaderCommitment);
        var (rows, total) = await queries.ListAsync(user, filter, skip, take, cancellationToken: cancellationToken);
        return ([.. rows.Select(r => new CommitmentRow(r, CommitmentStandings.From(r.Standing)))], total);
    }
}
