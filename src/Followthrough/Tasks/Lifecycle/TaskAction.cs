namespace Followthrough.Tasks;

/// <summary>The steps of the cycle. Their kebab-case names (<see cref="TaskActions.Name"/>) are used in URLs, forms and the timeline.</summary>
public enum TaskAction
{
    /// <summary>交办: hand the task to its lead unit.</summary>
    Assign,

    /// <summary>签收: the lead unit accepts the task.</summary>
    SignFor,

    /// <summary>退回: the lead unit refuses the task with a reason, e.g. not its competence.</summary>
    Return,

    /// <summary>报送进展: the lead unit reports progress.</summary>
    ReportProgress,

    /// <summary>申请办结: the lead unit claims completion, with evidence.</summary>
    ClaimCompletion,

    /// <summary>销号: the supervisor verifies the claim and closes the task.</summary>
    Verify,

    /// <summary>退回整改: the supervisor refuses the claim and sends the task back with reasons.</summary>
    SendBack,

    /// <summary>重新打开: a closed task is opened again.</summary>
    Reopen,

    /// <summary>申请延期: the lead unit asks for a later deadline.</summary>
    RequestExtension,

    /// <summary>同意延期: the supervisor grants an extension with the new deadline.</summary>
    ApproveExtension,

    /// <summary>不同意延期: the supervisor refuses an extension.</summary>
    RefuseExtension,

    /// <summary>撤销: the task is withdrawn with a reason.</summary>
    Cancel,

    /// <summary>退回报告: the supervisor returns a progress report for rework.</summary>
    ReturnReport,

    /// <summary>分解: sub-tasks are created for the co-operating units' parts.</summary>
    Split,
}

internal static class TaskActions
{
    /// <summary>"sign-for" for <see cref="TaskAction.SignFor"/>.</summary>
    public static string Name(this TaskAction action) => Storage.SnakeCaseNames.ToSnakeCase(action.ToString()).Replace('_', '-');

    /// <summary>The steps' names, as a refused <see cref="Outcome{T}"/> lists the steps that are possible.</summary>
    public static IEnumerable<string> Names(this IEnumerable<TaskAction> actions) => actions.Select(Name);

    public static bool TryParse(string? name, out TaskAction action)
    {
        foreach (var candidate in Enum.GetValues<TaskAction>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    /// <summary>Steps that need a comment saying why: refusals, returns, cancellations, reopening.</summary>
    public static bool NeedsReason(this TaskAction action) => action is TaskAction.Return or TaskAction.SendBack
        or TaskAction.Reopen or TaskAction.RequestExtension or TaskAction.RefuseExtension or TaskAction.Cancel or TaskAction.ReturnReport;
}
