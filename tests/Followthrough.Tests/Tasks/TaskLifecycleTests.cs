using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Tasks;

namespace Followthrough.Tests.Tasks;

/// <summary>
/// Every (state, step, part) against the cycle as the supervision office describes it, written out here by hand:
/// the allowed ones lead to the expected state; the others are refused as "not your part" (403) when the part never
/// takes that step, and as "not now" (409) when it does in some other state.
/// </summary>
public sealed class TaskLifecycleTests
{
    private static readonly string[] Expected =
    [
        "Draft assign Supervisor -> Assigned",
        "Draft cancel Supervisor -> Cancelled",
        "Assigned sign-for LeadUnit -> SignedFor",
        "Assigned return LeadUnit -> Returned",
        "Assigned cancel Supervisor -> Cancelled",
        "Assigned cancel Coordinator -> Cancelled",
        "Returned assign Supervisor -> Assigned",
        "Returned assign Coordinator -> Assigned",
        "Returned cancel Supervisor -> Cancelled",
        "Returned cancel Coordinator -> Cancelled",
        "SignedFor report-progress LeadUnit -> InProgress",
        "SignedFor claim-completion LeadUnit -> CompletionClaimed",
        "SignedFor request-extension LeadUnit -> SignedFor",
        "SignedFor split LeadUnit -> SignedFor",
        "SignedFor split Supervisor -> SignedFor",
        "SignedFor approve-extension Supervisor -> SignedFor",
        "SignedFor approve-extension Coordinator -> SignedFor",
        "SignedFor refuse-extension Supervisor -> SignedFor",
        "SignedFor refuse-extension Coordinator -> SignedFor",
        "SignedFor cancel Supervisor -> Cancelled",
        "SignedFor cancel Coordinator -> Cancelled",
        "InProgress report-progress LeadUnit -> InProgress",
        "InProgress claim-completion LeadUnit -> CompletionClaimed",
        "InProgress request-extension LeadUnit -> InProgress",
        "InProgress split LeadUnit -> InProgress",
        "InProgress split Supervisor -> InProgress",
        "InProgress approve-extension Supervisor -> InProgress",
        "InProgress approve-extension Coordinator -> InProgress",
        "InProgress refuse-extension Supervisor -> InProgress",
        "InProgress refuse-extension Coordinator -> InProgress",
        "InProgress return-report Supervisor -> InProgress",
        "InProgress return-report Coordinator -> InProgress",
        "InProgress cancel Supervisor -> Cancelled",
        "InProgress cancel Coordinator -> Cancelled",
        "CompletionClaimed verify Supervisor -> Closed",
        "CompletionClaimed verify Coordinator -> Closed",
        "CompletionClaimed send-back Supervisor -> InProgress",
        "CompletionClaimed send-back Coordinator -> InProgress",
        "CompletionClaimed approve-extension Supervisor -> CompletionClaimed",
        "CompletionClaimed approve-extension Coordinator -> CompletionClaimed",
        "CompletionClaimed refuse-extension Supervisor -> CompletionClaimed",
        "CompletionClaimed refuse-extension Coordinator -> CompletionClaimed",
        "CompletionClaimed cancel Supervisor -> Cancelled",
        "CompletionClaimed cancel Coordinator -> Cancelled",
        "Closed reopen Supervisor -> InProgress",
        "Closed reopen Coordinator -> InProgress",
    ];

    public static TheoryData<TaskState, TaskAction, TaskRole?> Every()
    {
        var data = new TheoryData<TaskState, TaskAction, TaskRole?>();
        foreach (var state in Enum.GetValues<TaskState>())
        {
            foreach (var action in Enum.GetValues<TaskAction>())
            {
                foreach (var role in Enum.GetValues<TaskRole>().Cast<TaskRole?>().Append(null))
                {
                    data.Add(state, action, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void EveryStepInEveryStateForEveryPart_MatchesTheCycle(TaskState state, TaskAction action, TaskRole? role)
    {
        // Facts that satisfy whatever the step needs, so only state and part decide here.
        var facts = new TaskFacts(
            HasPendingExtension: action is TaskAction.ApproveExtension or TaskAction.RefuseExtension,
            HasUnsplitPartners: true,
            HasReturnableReport: true,
            HasEvidence: true);
        var decision = TaskLifecycle.Decide(state, action, role, facts);
        var line = Expected.SingleOrDefault(l => l.StartsWith($"{state} {action.Name()} {role} ->", StringComparison.Ordinal));
        if (line is not null)
        {
            Assert.True(decision.IsAllowed, $"{line} was refused: {decision.Reason}");
            Assert.Equal(line[(line.IndexOf("-> ", StringComparison.Ordinal) + 3)..], decision.Next.ToString());
        }
        else
        {
            var partTakesThisStep = Expected.Any(l => l.Contains($" {action.Name()} {role} ->", StringComparison.Ordinal));
            Assert.Equal(partTakesThisStep ? TaskVerdict.NotNow : TaskVerdict.NotYourPart, decision.Verdict);
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
        }
    }

    [Fact]
    public void TheTable_HoldsNothingMoreThanTheCycle()
    {
        var lines = TaskLifecycle.Table.Select(t => $"{t.From} {t.Action.Name()} {t.Role} -> {t.To}").Distinct();
        Assert.Equal(Expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClaimWithoutEvidence_IsNotNow_WithTheReason()
    {
        var decision = TaskLifecycle.Decide(TaskState.InProgress, TaskAction.ClaimCompletion, TaskRole.LeadUnit, new TaskFacts());
        Assert.Equal(TaskVerdict.NotNow, decision.Verdict);
        Assert.Contains("evidence", decision.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TaskAction.ClaimCompletion, TaskLifecycle.Allowed(TaskState.InProgress, TaskRole.LeadUnit, new TaskFacts()));
    }

    [Fact]
    public void ExtensionSteps_DependOnWhetherARequestIsPending()
    {
        var pending = new TaskFacts(HasPendingExtension: true);
        Assert.Equal(TaskVerdict.NotNow, TaskLifecycle.Decide(TaskState.InProgress, TaskAction.RequestExtension, TaskRole.LeadUnit, pending).Verdict);
        Assert.True(TaskLifecycle.Decide(TaskState.InProgress, TaskAction.ApproveExtension, TaskRole.Supervisor, pending).IsAllowed);
        Assert.Equal(TaskVerdict.NotNow, TaskLifecycle.Decide(TaskState.InProgress, TaskAction.ApproveExtension, TaskRole.Supervisor, new TaskFacts()).Verdict);
    }

    [Fact]
    public void Allowed_ListsEachStepOnce_InTableOrder()
    {
        var facts = new TaskFacts(HasUnsplitPartners: true, HasReturnableReport: true, HasEvidence: true);
        Assert.Equal(
            [TaskAction.ReportProgress, TaskAction.ClaimCompletion, TaskAction.RequestExtension, TaskAction.Split],
            TaskLifecycle.Allowed(TaskState.InProgress, TaskRole.LeadUnit, facts));
        Assert.Empty(TaskLifecycle.Allowed(TaskState.InProgress, TaskRole.Observer, facts));
        Assert.Empty(TaskLifecycle.Allowed(TaskState.InProgress, null, facts));
    }

    [Theory]
    [InlineData(Role.Supervisor, null, TaskRole.Supervisor)]
    [InlineData(Role.Leader, null, TaskRole.Observer)]
    [InlineData(Role.Administrator, null, TaskRole.Observer)]
    [InlineData(Role.UnitStaff, 10, TaskRole.LeadUnit)]
    [InlineData(Role.UnitStaff, 20, TaskRole.Coordinator)]
    [InlineData(Role.UnitStaff, 30, TaskRole.Observer)]
    [InlineData(Role.UnitStaff, 40, null)]
    [InlineData(Role.Enterprise, 10, null)]
    [InlineData(Role.Citizen, null, null)]
    public void PartOnATask_FollowsRoleAndUnit(Role role, int? unit, TaskRole? expected)
    {
        var user = new CurrentUser(1, "someone", role, unit);
        Assert.Equal(expected, TaskRoles.Of(user, leadUnitId: 10, parentLeadUnitId: 20, partnerUnitIds: [30]));
    }

    [Theory]
    [InlineData("sign-for", TaskAction.SignFor)]
    [InlineData("Claim-Completion", TaskAction.ClaimCompletion)]
    [InlineData("return-report", TaskAction.ReturnReport)]
    public void StepNames_AreKebabCase(string name, TaskAction action)
    {
        Assert.True(TaskActions.TryParse(name, out var parsed));
        Assert.Equal(action, parsed);
        Assert.Equal(name.ToLowerInvariant(), action.Name());
    }
}
