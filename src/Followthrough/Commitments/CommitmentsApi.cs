using Followthrough.Accounts;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Followthrough.Commitments;

/// <summary>/api/v1/commitments: leaders' public commitments and whether they are kept. Created as tasks with origin LeaderCommitment.</summary>
internal static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/commitments").WithTags("Commitments").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("CommitmentList")
            .WithSummary("Leaders' public commitments (承诺事项) with their standing: on time, overdue, awaiting verification, kept, kept late. Create one as a task with originKind LeaderCommitment.");
        return api;
    }

    private static async Task<Results<Ok<Paged<CommitmentDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        CurrentUser me, CommitmentQueries commitments, int? leaderId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (!CommitmentPermissions.CanReadCommitments(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var (rows, total) = await commitments.ListAsync(me, leaderId, request.Skip, request.PageSize, cancellationToken);
        return TypedResults.Ok(new Paged<CommitmentDto>([.. rows.Select(CommitmentDto.From)], request.Page, request.PageSize, total));
    }
}

/// <summary>A commitment: who promised what, where, by when; the unit delivering it; where it stands.</summary>
internal sealed record CommitmentDto(
    int TaskId, string Code, string Title, PersonRef? Leader, UnitRef? LeadUnit, string? Occasion, DateOnly? PromisedBy,
    TaskState State, CommitmentStanding Standing, int? WorkingDaysLate, int Percent)
{
    public static CommitmentDto From(CommitmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var task = row.Task;
        return new(task.Id, task.Code, task.Title,
            row.Leader is { } leader ? new PersonRef(leader.Id, leader.NameZh, leader.NameEn) : null,
            row.LeadUnit is { } unit ? new UnitRef(unit.Id, unit.Code, unit.NameZh, unit.NameEn) : null, task.OriginReference, task.Deadline,
            task.State, row.Standing, task.Standing.WorkingDaysLate, task.Percent);
    }
}
