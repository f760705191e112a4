using Followthrough.Organization;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Directives.Documents;

internal sealed class SourceDocumentMapping : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.ToTable("source_documents");
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class DirectiveCandidateMapping : IEntityTypeConfiguration<DirectiveCandidate>
{
    public void Configure(EntityTypeBuilder<DirectiveCandidate> builder)
    {
        builder.ToTable("directive_candidates");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<SourceDocument>().WithMany().HasForeignKey(c => c.DocumentId);
        builder.HasOne<Unit>().WithMany().HasForeignKey(c => c.LeadUnitId);
        // Plan items belong to the Plans module and may be reorganised: kept as plain ids, like a task's origin.
        builder.HasOne<WorkTask>().WithMany().HasForeignKey(c => c.TaskId);
    }
}
