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
        // The lead unit and the task are other modules' rows: their foreign keys are in the migrations, and the model
        // keeps plain ids (as for plan items, which may be reorganised), so Directives maps no other module's entity.
    }
}
