using System.Data.Common;
using System.Threading.Channels;
using Followthrough.Accounts;
using Followthrough.Audit;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tasks;

/// <summary>
/// The one writer of progress reports: every report (the API's <c>/reports</c>, the report-progress and claim-completion
/// actions, the task page's form, the demo) is checked in its own request (<see cref="ProgressService.PrepareReportAsync"/>)
/// and saved here, by <see cref="ProgressService.ReportAsync"/>. The saves queue to one writer, which saves a batch
/// of them in one transaction and commits once: one fsync (SQLite) or one commit round trip (PostgreSQL) and one wait
/// for the audit head's lock for the whole batch, and no writers queuing on the database's lock. Each save runs in its
/// request's own context (its change tracker), on the batch's connection, inside a savepoint: a save that fails (the
/// task changed since it was read: stale) or throws is rolled back to its savepoint and the others go on. A save
/// succeeds only when the task is still at the version its report was checked against, so the checks made outside
/// the transaction still hold. Nobody is answered before the commit, so a 201 means the report is on disk; if the
/// commit fails, every report of the batch gets the failure. Two reports on one task at the same version still give
/// one 201 and one 409. The audit head is locked once for the batch (<see cref="AuditHeadLock"/>) and the chain is
/// appended report by report inside the transaction, so it is the same chain a series of single saves would have written.
/// </summary>
/// <remarks>
/// The request's context is handed to the writer's thread for the save: the report's changes live in its change
/// tracker (the task as read, at the version the checks saw), and saving them in the writer's own context would mean
/// reading the task again or copying that state; lending the connection to the request's thread instead would add two
/// thread hops per report to a writer that saves one report at a time. It is safe because the request does nothing
/// with its context until it is answered: one thread at a time, the queue and the answer ordering the hand-overs.
/// </remarks>
internal sealed class ReportGroupCommit(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Enough to share one commit among many; small enough that the first in a batch does not wait long.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "progress_report";

    private readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;
    private long _written;

    /// <summary>How many reports this writer has saved or refused in its batches: every report passes here (tests check it).</summary>
    internal long ReportsWritten => Interlocked.Read(ref _written);

    /// <summary>Queues a report prepared by <paramref name="progress"/> to the writer and answers once its batch is committed (or refused).</summary>
    internal async Task<Outcome<ReportResult>> SaveInNextBatchAsync(ProgressService progress, PreparedReport prepared, CancellationToken cancellationToken)
    {
        if (prepared.Db.Database.CurrentTransaction is not null)
        {
            // Its caller already writes in a transaction of its own (the demo loader loads everything in one): the
            // report joins it, as it cannot be lent the batch's connection, and a batch would wait on that transaction's lock.
            Interlocked.Increment(ref _written);
            return await progress.SaveReportAsync(prepared, cancellationToken);
        }

        var submission = new Submission(progress, prepared, cancellationToken);
        lock (_gate)
        {
            _writer ??= Task.Run(WriteAsync, CancellationToken.None);
        }

        if (!_queue.Writer.TryWrite(submission))
        {
            throw new ObjectDisposedException(nameof(ReportGroupCommit), "The application is stopping.");
        }

        return await submission.Answer.Task;
    }

    /// <summary>
    /// Checks these reports, each in a scope of its own as a request would, then saves the accepted ones as one batch,
    /// in this order, as the writer does with reports that queue up together. For tests, which cannot otherwise know
    /// which reports share a commit.
    /// </summary>
    internal async Task<Outcome<ReportResult>[]> CommitTogetherAsync(
        IEnumerable<(CurrentUser User, Actor Actor, int TaskId, ReportInput Input)> reports)
    {
        var requests = new List<AsyncServiceScope>();
        try
        {
            var answers = new List<Task<Outcome<ReportResult>>>();
            var batch = new List<Submission>();
            foreach (var (user, actor, taskId, input) in reports)
            {
                var request = scopes.CreateAsyncScope();
                requests.Add(request);
                request.ServiceProvider.GetRequiredService<Actor>().Set(actor.PersonId, actor.Name);
                var progress = request.ServiceProvider.GetRequiredService<ProgressService>();
                var prepared = await progress.PrepareReportAsync(user, taskId, input, []);
                if (prepared.IsDone)
                {
                    var submission = new Submission(progress, prepared.Value!, CancellationToken.None);
                    batch.Add(submission);
                    answers.Add(submission.Answer.Task);
                }
                else
                {
                    answers.Add(Task.FromResult(prepared.As<ReportResult>()));
                }
            }

            await CommitAsync(batch);
            return await Task.WhenAll(answers);
        }
        finally
        {
            foreach (var request in requests)
            {
                await request.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_gate)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer;
        }
    }

    /// <summary>Takes whatever has queued up while the previous batch was being written: no timer, no added wait.</summary>
    private async Task WriteAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Submission>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var submission))
            {
                if (submission.Cancellation.IsCancellationRequested)
                {
                    submission.Answer.TrySetCanceled(submission.Cancellation); // the caller has gone: nothing written
                }
                else
                {
                    batch.Add(submission);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    private async Task CommitAsync(List<Submission> batch)
    {
        Interlocked.Add(ref _written, batch.Count);
        var answers = new List<Action>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            // Beginning the transaction opens the connection and disposing it closes it: the pooled context goes back
            // with its connection closed, ready for a request to lend it another one.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            using var head = await AuditHeadLock.LockAsync(db); // once for the batch, before any savepoint
            var first = true;
            foreach (var submission in batch)
            {
                head.MarkSavepoint();
                await NextSavepointAsync(db, first);
                first = false;
                try
                {
                    var outcome = await SaveOneAsync(submission, connection, dbTransaction);
                    if (!outcome.IsDone)
                    {
                        await dbTransaction.RollbackAsync(Savepoint);
                        head.RollBackToSavepoint();
                    }

                    answers.Add(() => submission.Answer.TrySetResult(outcome));
                }
                catch (Exception failure)
                {
                    // This report alone fails (as a direct save would have: a 500); the savepoint undoes its writes and
                    // clears an aborted PostgreSQL transaction, so the rest of the batch goes on. If even that fails,
                    // the batch fails as a whole (below).
                    await dbTransaction.RollbackAsync(Savepoint);
                    head.RollBackToSavepoint();
                    answers.Add(() => submission.Answer.TrySetException(failure));
                }
            }

            await head.WriteAsync(db);
            await transaction.CommitAsync();
        }
        catch (Exception failure)
        {
            // Nothing of the batch is saved: nobody may be told otherwise.
            foreach (var submission in batch)
            {
                submission.Answer.TrySetException(failure);
            }

            return;
        }

        foreach (var answer in answers)
        {
            answer();
        }
    }

    /// <summary>
    /// Sets the savepoint a report's save can be rolled back to, releasing the previous report's in the same command
    /// (one round trip on PostgreSQL, not two). A savepoint rolled back to is released too: that keeps nothing. The
    /// commit releases the last one.
    /// </summary>
    private static Task<int> NextSavepointAsync(FollowthroughDb db, bool first) =>
        db.ExecuteAsync(first ? $"SAVEPOINT {Savepoint}" : $"RELEASE SAVEPOINT {Savepoint}; SAVEPOINT {Savepoint}", []);

    /// <summary>
    /// Saves one prepared report with its request's context, lent the batch's connection and transaction for the save
    /// and given them back afterwards. The request waits for its answer meanwhile, so nothing else uses that context.
    /// </summary>
    private static async Task<Outcome<ReportResult>> SaveOneAsync(Submission submission, DbConnection connection, DbTransaction transaction)
    {
        var context = submission.Prepared.Db;
        var database = context.Database;
        var own = database.GetConnectionString();
        database.SetDbConnection(connection, contextOwnsConnection: false);
        await database.UseTransactionAsync(transaction);

        // The batch's savepoint undoes a refused report. EF's own savepoint per save is needed only when files were
        // written: a report that loses its race must see its rows gone to tell which stored files nobody references.
        database.AutoSavepointsEnabled = submission.Prepared.Files.Count > 0;
        try
        {
            return await submission.Progress.SaveReportAsync(submission.Prepared, CancellationToken.None);
        }
        finally
        {
            await database.UseTransactionAsync(null);
            // A connection of its own again, opened when next needed (setting the same connection string alone would keep
            // the batch's connection, which is disposed after the commit), and owned by the context: a pooled context
            // disposes only a connection it owns when it goes back to the pool, so the next renter starts clean.
            database.SetDbConnection(null, contextOwnsConnection: true);
            database.SetConnectionString(own);
        }
    }

    private sealed record Submission(ProgressService Progress, PreparedReport Prepared, CancellationToken Cancellation)
    {
        public TaskCompletionSource<Outcome<ReportResult>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
