using Followthrough.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Services.Figures;

/// <summary>
/// One unit's service figures for one month (in China time), kept by the triggers of migration 0026 as applications
/// are filed and decided; read, never written, by the code. The sums are for the averages.
/// </summary>
internal sealed class ServiceFigure
{
    /// <summary><c>YYYY-MM</c>.</summary>
    public required string Month { get; set; }

    public int UnitId { get; set; }

    public int Received { get; set; }

    /// <summary>Applications filed at a service window: one visit each (online filing needs none).</summary>
    public int WindowVisits { get; set; }

    public int Decided { get; set; }

    public int Approved { get; set; }

    /// <summary>Decided on or before the committed due date.</summary>
    public int OnTime { get; set; }

    public int AutoDecided { get; set; }

    public long WorkingDaysUsed { get; set; }

    public long CommittedDays { get; set; }

    public long StatutoryDays { get; set; }
}

internal sealed class ServiceFigureMapping : IEntityTypeConfiguration<ServiceFigure>
{
    public void Configure(EntityTypeBuilder<ServiceFigure> builder)
    {
        builder.ToTable("service_figures");
        builder.HasKey(f => new { f.Month, f.UnitId });
        builder.KeptOutsideTheTrail(); // a read model the triggers keep: the applications it counts are audited
    }
}
