using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Evaluation;

// The units' foreign keys are in the SQL migrations: the mapping names no other module's entity.

internal sealed class EvaluationScoreMapping : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> builder)
    {
        builder.ToTable("evaluation_scores");
        builder.HasIndex(s => new { s.UnitId, s.Period }).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class EvaluationNoteMapping : IEntityTypeConfiguration<EvaluationNote>
{
    public void Configure(EntityTypeBuilder<EvaluationNote> builder)
    {
        builder.ToTable("evaluation_notes");
    }
}
