using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Followthrough.Calendar;

internal sealed class CalendarScheduleMapping : IEntityTypeConfiguration<CalendarSchedule>
{
    public void Configure(EntityTypeBuilder<CalendarSchedule> builder)
    {
        builder.ToTable("calendar_schedules");
        builder.HasIndex(s => new { s.Region, s.Year }).IsUnique();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class CalendarDayMapping : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasIndex(d => new { d.ScheduleId, d.Date }).IsUnique();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<CalendarSchedule>().WithMany().HasForeignKey(d => d.ScheduleId);
    }
}
