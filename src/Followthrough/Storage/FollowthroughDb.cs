using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Followthrough.Storage;

/// <summary>
/// The one database context. Modules map their own tables with <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes in their folders and reach their data through <see cref="DbContext.Set{TEntity}()"/>.
/// A save that changes rows runs in a transaction (its own when the caller has none), so what the save interceptors
/// write beside the change (the audit trail, registered by the Audit module) commits with it or not at all.
/// Contexts are pooled (see <see cref="StorageServices"/>): each scope rents one and names its actor and clock with
/// <see cref="ActingFor"/>. Whoever opens the connection closes it, so a context goes back to the pool closed.
/// </summary>
public sealed class FollowthroughDb(DbContextOptions<FollowthroughDb> options) : DbContext(options)
{
    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    public Actor Actor { get; private set; } = new();

    /// <summary>What the next save does, as named by <see cref="DescribeNextSave"/>; null: created, updated or deleted.</summary>
    public SaveDescription? NextSave { get; private set; }

    /// <summary>Whose changes this context saves and by which clock, for the scope that has just rented it.</summary>
    public FollowthroughDb ActingFor(Actor actor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        Actor = actor;
        Clock = clock;
        NextSave = null; // no description left by the last renter
        return this;
    }

    /// <summary>
    /// Names the step the next save performs (e.g. "signed-for") and the user's comment; both go into every audit
    /// entry of that save. Without it, entries say created, updated or deleted.
    /// </summary>
    public void DescribeNextSave(string action, string? comment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        NextSave = new SaveDescription(action, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving writes the audit trail, which is asynchronous.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One look over every tracked entity for changes, here: nothing but this save touches them until it ends, so
        // the interceptors and EF Core need no second, third and fourth look (each a pass over the whole change
        // tracker, which a large save such as the daily supervision run's notices feels).
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        IDbContextTransaction? ownTransaction = null;
        try
        {
            if (Database.CurrentTransaction is null && ChangeTracker.HasChanges())
            {
                ownTransaction = await Database.BeginTransactionAsync(cancellationToken);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
            NextSave = null; // a description never outlives the save it was meant for, failed or not
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FollowthroughDb).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    /// <summary>Every stored time is UTC; SQLite gives back "unspecified" kinds, so reading marks them UTC again.</summary>
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
