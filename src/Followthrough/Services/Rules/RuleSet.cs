using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Rules;

/// <summary>An item's rules as they stand; each change of lines raises <see cref="RuleVersion"/> and writes a <see cref="ServiceRuleSetVersion"/>.</summary>
internal sealed class ServiceRuleSet : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public int RuleVersion { get; set; }

    public bool AutomationOn { get; set; } = true;

    /// <summary>The lines as JSON (<see cref="RuleLine"/>, in order).</summary>
    public string Lines { get; set; } = "[]";

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One rule version of an item, written once: the lines an application decided by it was read against.</summary>
internal sealed class ServiceRuleSetVersion
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public int RuleVersion { get; set; }

    public required string Lines { get; set; }

    public DateTime ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}

/// <summary>The rules' decision on one application (at most one, made when it was filed).</summary>
internal sealed class ServiceAutoDecision
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public Applications.ServiceApplication? Application { get; set; }

    public int ItemId { get; set; }

    public int RuleVersion { get; set; }

    public AutoOutcome Outcome { get; set; }

    public required string Reason { get; set; }

    /// <summary>The lines' results as JSON (<see cref="LineResult"/>).</summary>
    public required string Lines { get; set; }

    public DateTime DecidedAt { get; set; }
}

internal sealed class ServiceRuleSetMapping : IEntityTypeConfiguration<ServiceRuleSet>
{
    public void Configure(EntityTypeBuilder<ServiceRuleSet> builder)
    {
        builder.ToTable("service_rule_sets");
        builder.HasIndex(r => r.ItemId).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ServiceRuleSetVersionMapping : IEntityTypeConfiguration<ServiceRuleSetVersion>
{
    public void Configure(EntityTypeBuilder<ServiceRuleSetVersion> builder)
    {
        builder.ToTable("service_rule_set_versions");
        builder.HasIndex(v => new { v.ItemId, v.RuleVersion }).IsUnique();
    }
}

internal sealed class ServiceAutoDecisionMapping : IEntityTypeConfiguration<ServiceAutoDecision>
{
    public void Configure(EntityTypeBuilder<ServiceAutoDecision> builder)
    {
        builder.ToTable("service_auto_decisions");
        builder.HasIndex(d => d.ApplicationId).IsUnique();
        builder.HasOne(d => d.Application).WithMany().HasForeignKey(d => d.ApplicationId);
    }
}
