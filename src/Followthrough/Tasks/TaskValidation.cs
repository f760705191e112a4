using System.Text.RegularExpressions;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Web;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Tasks;

/// <summary>Checks a task as written against the rules and the directory (units, leaders), field by field.</summary>
internal static partial class TaskValidation
{
    public const int MaxTitle = 500;
    public const int MaxText = 4000;
    public const int MaxShort = 200;
    public const int MaxPart = 1000;
    public const int MaxWorkingDays = 3650;
    public const int MaxTags = 20;
    public const int MaxNodes = 50;
    public const int MaxPartners = 50;

    public static async Task CheckAsync(FollowthroughDb db, OrganizationDirectory organization, TaskInput input, ValidationErrors errors, int? existingId, CancellationToken cancellationToken)
    {
        errors.Require("title", input.Title, "The task", MaxTitle);
        if ((input.Description?.Length ?? 0) > MaxText)
        {
            errors.Add("description", $"The description must be at most {MaxText} characters.");
        }

        if ((input.OriginReference?.Length ?? 0) > MaxShort)
        {
            errors.Add("originReference", $"The origin reference must be at most {MaxShort} characters.");
        }

        if (!Enum.IsDefined(input.OriginKind))
        {
            errors.Add("originKind", "Unknown origin.");
        }

        if (!string.IsNullOrWhiteSpace(input.Code))
        {
            var code = input.Code.Trim();
            if (!CodePattern().IsMatch(code))
            {
                errors.Add("code", "A code has 3 to 40 letters, digits and hyphens, e.g. DL-2021-0001.");
            }
            else if (await db.Set<WorkTask>().AnyAsync(t => t.Code == code && t.Id != existingId, cancellationToken))
            {
                errors.Add("code", $"The code {code} is taken.");
            }
        }

        await CheckPeopleAndUnitsAsync(organization, input, errors, cancellationToken);
        CheckDeadline(input, errors);
        CheckTagsAndNodes(input, errors);
    }

    private static async Task CheckPeopleAndUnitsAsync(OrganizationDirectory organization, TaskInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (input.LeadUnitId is not { } leadUnitId)
        {
            errors.Add("leadUnitId", "The lead unit is required.");
        }
        else if (!(await organization.ActiveUnitIdsAsync([leadUnitId], cancellationToken)).Contains(leadUnitId))
        {
            errors.Add("leadUnitId", "The lead unit does not exist or is inactive.");
        }

        var people = await organization.PeopleAsync(new[] { input.LeadLeaderId, input.ResponsiblePersonId }.OfType<int>(), cancellationToken);
        if (input.LeadLeaderId is { } leaderId
            && !(people.TryGetValue(leaderId, out var leader) && leader.Role == Role.Leader && leader.IsActive))
        {
            errors.Add("leadLeaderId", "The lead leader must be an active person with the Leader role.");
        }

        if (input.ResponsiblePersonId is { } personId
            && !(people.TryGetValue(personId, out var person) && person.UnitId == input.LeadUnitId && person.IsActive))
        {
            errors.Add("responsiblePersonId", "The responsible person must be an active member of the lead unit.");
        }

        if (input.Partners.Count > MaxPartners)
        {
            errors.Add("partners", $"At most {MaxPartners} co-operating units.");
            return;
        }

        var partnerIds = input.Partners.Select(p => p.UnitId).ToList();
        var known = await organization.ActiveUnitIdsAsync(partnerIds, cancellationToken);
        for (var i = 0; i < input.Partners.Count; i++)
        {
            var partner = input.Partners[i];
            if (!known.Contains(partner.UnitId))
            {
                errors.Add($"partners[{i}].unitId", "The co-operating unit does not exist or is inactive.");
            }
            else if (partner.UnitId == input.LeadUnitId)
            {
                errors.Add($"partners[{i}].unitId", "The lead unit cannot also be a co-operating unit.");
            }
            else if (partnerIds.IndexOf(partner.UnitId) != i)
            {
                errors.Add($"partners[{i}].unitId", "The co-operating unit is listed twice.");
            }

            if ((partner.Part?.Length ?? 0) > MaxPart)
            {
                errors.Add($"partners[{i}].part", $"A unit's part must be at most {MaxPart} characters.");
            }
        }
    }

    private static void CheckDeadline(TaskInput input, ValidationErrors errors)
    {
        switch (input.DeadlineKind)
        {
            case DeadlineKind.Date when input.Deadline is null:
                errors.Add("deadline", "Give the deadline as a date, or as a number of working days.");
                break;
            case DeadlineKind.Date when input.StartDate is { } start && input.Deadline < start:
                errors.Add("deadline", "The deadline is before the start date.");
                break;
            case DeadlineKind.WorkingDays when input.DeadlineWorkingDays is not (>= 1 and <= MaxWorkingDays):
                errors.Add("deadlineWorkingDays", $"The number of working days must be between 1 and {MaxWorkingDays}.");
                break;
            case DeadlineKind.None or DeadlineKind.Date or DeadlineKind.WorkingDays:
                break;
            default:
                errors.Add("deadlineKind", "Unknown kind of deadline.");
                break;
        }

        if (!Enum.IsDefined(input.ReportingCadence))
        {
            errors.Add("reportingCadence", "Unknown reporting cadence.");
        }

        if (!Enum.IsDefined(input.SupervisionLevel))
        {
            errors.Add("supervisionLevel", "Unknown supervision level.");
        }
    }

    private static void CheckTagsAndNodes(TaskInput input, ValidationErrors errors)
    {
        if (input.Tags.Count > MaxTags)
        {
            errors.Add("tags", $"At most {MaxTags} tags.");
        }

        foreach (var tag in input.Tags.Where(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length > TaskTag.MaxLength))
        {
            errors.Add("tags", $"A tag has 1 to {TaskTag.MaxLength} characters: '{tag}'.");
        }

        if (input.TimeNodes.Count > MaxNodes)
        {
            errors.Add("timeNodes", $"At most {MaxNodes} time nodes.");
            return;
        }

        for (var i = 0; i < input.TimeNodes.Count; i++)
        {
            var node = input.TimeNodes[i];
            errors.Require($"timeNodes[{i}].title", node.Title, "The time node's description", MaxShort);
            if (node.DueOn == DateOnly.MinValue)
            {
                errors.Add($"timeNodes[{i}].dueOn", "The time node needs its date.");
            }
            if (input.DeadlineKind == DeadlineKind.Date && input.Deadline is { } deadline && node.DueOn > deadline)
            {
                errors.Add($"timeNodes[{i}].dueOn", "The time node falls after the deadline.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{2,39}$")]
    private static partial Regex CodePattern();
}
