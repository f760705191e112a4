using System.Data.Common;
using Followthrough.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Followthrough.Storage;

/// <summary>
/// The one database context. Modules map their own tables with <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes in their folders and reach their data through <see cref="DbContext.Set{TEntity}()"/>.
/// Saving is where the platform's promises are kept: versions rise, timestamps are set, and every change is
/// written to the hash-chained audit trail in the same transaction (see <see cref="AuditRecorder"/>).
/// Contexts are pooled (see <see cref="StorageServices"/>): each scope rents one and names its actor and clock with
/// <see cref="ActingFor"/>. Whoever opens the connection closes it, so a context goes back to the pool closed.
/// </summary>
public sealed class FollowthroughDb(DbContextOptions<FollowthroughDb> options) : DbContext(options)
{
    private AuditRecorder _recorder = new(new AuditActor(), TimeProvider.System);

    public TimeProvider Clock { get; private set; } = TimeProvider.System;

    public AuditActor Actor { get; private set; } = new();

    /// <summary>
    /// The head of the trail as locked by the transaction this context saves in, when that transaction holds it for
    /// several saves (see <see cref="HeldAuditHead"/>): saves then append after it without locking and reading the
    /// head again, and leave writing it to the holder. Null (the usual case): each save locks, reads and writes it.
    /// </summary>
    internal HeldAuditHead? HeldHead { get; set; }

    /// <summary>Whose changes this context saves and by which clock, for the scope that has just rented it.</summary>
    public FollowthroughDb ActingFor(AuditActor actor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        Actor = actor;
        Clock = clock;
        _recorder = new AuditRecorder(actor, clock); // a fresh one: no description left by the last renter
        HeldHead = null;
        return this;
    }

    /// <summary>
    /// Names the step the next save performs (e.g. "signed-for") and the user's comment; both go into every audit
    /// entry of that save. Without it, entries say created, updated or deleted.
    /// </summary>
    public void DescribeNextSave(string action, string? comment = null) => _recorder.Describe(action, comment);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving writes the audit trail, which is asynchronous.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = _recorder.Capture(ChangeTracker);
        if (changes.Count == 0)
        {
            _recorder.Forget(); // a description never outlives the save it was meant for
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;

        // The capture has just looked over every tracked entity for changes, and nothing but this save touches them
        // until it ends: no second, third and fourth look (each costs a pass over the whole change tracker, which a
        // large save such as the daily supervision run's notices feels).
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var held = HeldHead;
            var head = held?.End ?? await AuditRecorder.LockHeadAsync(this, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            try
            {
                var end = await _recorder.AppendAsync(this, changes, head, cancellationToken);
                if (held is not null)
                {
                    held.End = end;
                }
                else
                {
                    await AuditRecorder.WriteHeadAsync(this, end, cancellationToken);
                }
            }
            catch (DbException failure)
            {
                // Callers see a failed save as EF Core reports one, whichever of its writes failed.
                throw new DbUpdateException("The audit trail could not be written, so the change was not saved.", failure);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
            _recorder.Forget(); // a failed save must not lend its description to the next one
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
