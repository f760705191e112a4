using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Applications;

internal sealed class ServiceApplicationMapping : IEntityTypeConfiguration<ServiceApplication>
{
    public void Configure(EntityTypeBuilder<ServiceApplication> builder)
    {
        builder.ToTable("service_applications");
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.UnitId, a.State, a.CommittedDue }).HasDatabaseName("ix_service_applications_queue");
        builder.HasIndex(a => new { a.ApplicantId, a.Id }).HasDatabaseName("ix_service_applications_applicant");
    }
}

internal sealed class ServiceApplicationStepMapping : IEntityTypeConfiguration<ServiceApplicationStep>
{
    public void Configure(EntityTypeBuilder<ServiceApplicationStep> builder)
    {
        builder.ToTable("service_application_steps");
        builder.HasIndex(s => new { s.ApplicationId, s.Id });
        builder.HasOne(s => s.Application).WithMany().HasForeignKey(s => s.ApplicationId);
    }
}

internal sealed class ServiceApplicationPauseMapping : IEntityTypeConfiguration<ServiceApplicationPause>
{
    public void Configure(EntityTypeBuilder<ServiceApplicationPause> builder)
    {
        builder.ToTable("service_application_pauses");
        builder.HasIndex(p => p.ApplicationId).HasDatabaseName("ix_service_application_pauses_application_id");
        builder.HasOne<ServiceApplication>().WithMany().HasForeignKey(p => p.ApplicationId);
    }
}
