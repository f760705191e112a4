using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Duties;

/// <summary>What a unit's staff member does for its applications. There is no such role in the directory: the
/// services module keeps its own list of who holds which duty in which unit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ServiceDuty>))]
public enum ServiceDuty
{
    /// <summary>窗口人员: receives, accepts, refuses, asks for supplements, records pauses, asks for extensions, delivers.</summary>
    WindowOfficer,

    /// <summary>审核人: completes the review steps (审查环节) an item gives this duty, between acceptance and decision.</summary>
    Reviewer,

    /// <summary>审批人: the department leader who decides (approve or reject) and approves extensions.</summary>
    Approver,
}

/// <summary>One person's duty in one unit.</summary>
public sealed record ServiceDutyEntry(int Id, int UnitId, int PersonId, string PersonName, ServiceDuty Duty, DateTime AssignedAt, string AssignedBy);

/// <summary>A duty to give: the unit, the person (a member of the unit's staff) and the duty.</summary>
public sealed record DutyInput(int? UnitId, int? PersonId, ServiceDuty? Duty);

/// <summary>A person's duty in a unit, kept by administrators and the supervision office.</summary>
internal sealed class ServiceDutyAssignment
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public int PersonId { get; set; }

    public ServiceDuty Duty { get; set; }

    public DateTime AssignedAt { get; set; }

    public required string AssignedBy { get; set; }
}

internal sealed class ServiceDutyAssignmentMapping : IEntityTypeConfiguration<ServiceDutyAssignment>
{
    public void Configure(EntityTypeBuilder<ServiceDutyAssignment> builder)
    {
        builder.ToTable("service_duties");
        builder.HasIndex(d => new { d.UnitId, d.PersonId, d.Duty }).IsUnique().HasDatabaseName("ux_service_duties_unit_person_duty");
        builder.HasIndex(d => d.PersonId).HasDatabaseName("ix_service_duties_person_id");
    }
}
