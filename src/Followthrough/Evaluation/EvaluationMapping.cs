using Followthrough.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Evaluation;

internal sealed class EvaluationScoreMapping : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> builder)
    {
        builder.ToTable("evaluation_scores");
        builder.HasIndex(s => new { s.UnitId, s.Period }).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId);
    }
}

internal sealed class EvaluationNoteMapping : IEntityTypeConfiguration<EvaluationNote>
{
    public void Configure(EntityTypeBuilder<EvaluationNote> builder)
    {
        builder.ToTable("evaluation_notes");
        builder.HasOne<Unit>().WithMany().HasForeignKey(n => n.UnitId);
    }
}
