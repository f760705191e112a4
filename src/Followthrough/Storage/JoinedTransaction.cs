using Microsoft.EntityFrameworkCore.Storage;

namespace Followthrough.Storage;

/// <summary>
/// A transaction of one change that may run inside a caller's (the demo loads everything inside one): its own when
/// there is none, otherwise a savepoint in the caller's. Either way, <see cref="RollbackAsync"/> undoes exactly this
/// change and <see cref="CommitAsync"/> keeps it (the caller's transaction still decides in the end).
/// </summary>
public sealed class JoinedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? own;
    private readonly IDbContextTransaction? outer;
    private readonly string savepoint;

    private JoinedTransaction(IDbContextTransaction? own, IDbContextTransaction? outer, string savepoint)
    {
        (this.own, this.outer, this.savepoint) = (own, outer, savepoint);
    }

    /// <summary>Begins the change's transaction, or a savepoint named <paramref name="savepoint"/> in the current one.</summary>
    public static async Task<JoinedTransaction> BeginAsync(FollowthroughDb db, string savepoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var outer = db.Database.CurrentTransaction;
        if (outer is null)
        {
            return new JoinedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), null, savepoint);
        }

        await outer.CreateSavepointAsync(savepoint, cancellationToken);
        return new JoinedTransaction(null, outer, savepoint);
    }

    public Task RollbackAsync(CancellationToken cancellationToken = default) =>
        own is not null ? own.RollbackAsync(cancellationToken) : outer!.RollbackToSavepointAsync(savepoint, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        own is not null ? own.CommitAsync(cancellationToken) : outer!.ReleaseSavepointAsync(savepoint, cancellationToken);

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}
