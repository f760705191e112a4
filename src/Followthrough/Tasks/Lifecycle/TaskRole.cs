using System.Text.Json.Serialization;
using Followthrough.Accounts;
using Followthrough.Organization;

namespace Followthrough.Tasks;

/// <summary>
/// The part a person plays on one particular task. The lifecycle table is written in these terms, not in account
/// roles, because the same unit staff member leads one task, co-operates on another and coordinates a sub-task.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskRole>))]
public enum TaskRole
{
    /// <summary>The supervision office: assigns, verifies, decides extensions, cancels.</summary>
    Supervisor,

    /// <summary>Staff of the task's lead unit: sign for, report, claim completion, ask for extensions.</summary>
    LeadUnit,

    /// <summary>Staff of the parent task's lead unit, for a sub-task: they follow and accept their partner's part.</summary>
    Coordinator,

    /// <summary>May read the task but acts on nothing: leaders, administrators, co-operating units.</summary>
    Observer,
}

/// <summary>Who plays which part on a task. Null means the person may not see the task at all.</summary>
internal static class TaskRoles
{
    public static TaskRole? Of(CurrentUser user, int leadUnitId, int? parentLeadUnitId, IEnumerable<int> partnerUnitIds)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(partnerUnitIds);
        return user.Role switch
        {
            Role.Supervisor => TaskRole.Supervisor,
            Role.Leader or Role.Administrator => TaskRole.Observer,
            Role.UnitStaff when user.UnitId is { } unit => unit == leadUnitId ? TaskRole.LeadUnit
                : unit == parentLeadUnitId ? TaskRole.Coordinator
                : partnerUnitIds.Contains(unit) ? TaskRole.Observer
                : null,
            _ => null,
        };
    }
}
