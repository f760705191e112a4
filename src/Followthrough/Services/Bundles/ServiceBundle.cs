using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Bundles;

/// <summary>A bundle of the catalogue (一件事): the items one life event needs, filed together.</summary>
internal sealed class ServiceBundle : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string LifeEvent { get; set; }

    public string DescriptionZh { get; set; } = string.Empty;

    public string DescriptionEn { get; set; } = string.Empty;

    /// <summary>The items' ids in the order the bundle shows them, as a JSON list.</summary>
    public string ItemIds { get; set; } = "[]";

    public BundleStatus Status { get; set; }

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One filing of a bundle by an applicant; its parts are ordinary applications.</summary>
internal sealed class ServiceBundleApplication
{
    public int Id { get; set; }

    public int BundleId { get; set; }

    public required string BundleCode { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int ApplicantId { get; set; }

    public DateTime FiledAt { get; set; }
}

/// <summary>Which application is which part of a bundle application.</summary>
internal sealed class ServiceBundlePart
{
    public int Id { get; set; }

    public int BundleApplicationId { get; set; }

    public int ApplicationId { get; set; }

    public int Position { get; set; }
}

internal sealed class ServiceBundleMapping : IEntityTypeConfiguration<ServiceBundle>
{
    public void Configure(EntityTypeBuilder<ServiceBundle> builder)
    {
        builder.ToTable("service_bundles");
        builder.HasIndex(b => b.Code).IsUnique().HasDatabaseName("ix_service_bundles_code");
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class ServiceBundleApplicationMapping : IEntityTypeConfiguration<ServiceBundleApplication>
{
    public void Configure(EntityTypeBuilder<ServiceBundleApplication> builder)
    {
        builder.ToTable("service_bundle_applications");
        builder.HasIndex(a => new { a.ApplicantId, a.Id }).HasDatabaseName("ix_service_bundle_applications_applicant");
    }
}

internal sealed class ServiceBundlePartMapping : IEntityTypeConfiguration<ServiceBundlePart>
{
    public void Configure(EntityTypeBuilder<ServiceBundlePart> builder)
    {
        builder.ToTable("service_bundle_parts");
        builder.HasIndex(p => p.ApplicationId).IsUnique().HasDatabaseName("ix_service_bundle_parts_application");
        builder.HasIndex(p => new { p.BundleApplicationId, p.Position }).HasDatabaseName("ix_service_bundle_parts_bundle");
    }
}
