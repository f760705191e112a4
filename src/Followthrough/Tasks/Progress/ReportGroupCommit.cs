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
/// Group commit for progress reports sent through the API. Reports arriving together are queued to one writer,
/// which saves a batch of them in one transaction and commits once: one fsync (SQLite) or one commit round trip
/// (PostgreSQL) and one wait for the audit head's lock for the whole batch, instead of one each, and no writers
/// queuing on the database's lock. Each report runs exactly as <see cref="ProgressService.ReportAsync"/> does alone
/// (its own scope and change tracker), inside a savepoint: a refused report (stale, wrong state, forbidden, invalid)
/// or one that throws is rolled back to its savepoint and the others go on. Nobody is answered before the commit,
/// so a 201 means the report is on disk; if the commit fails, every report of the batch gets the failure.
/// Reports see the ones before them in the batch, as they would have seen them committed: two reports on one task
/// at the same version still give one 201 and one 409. The audit chain is appended report by report inside the
/// transaction, under the head's lock, so it is the same chain a series of single saves would have written.
/// </summary>
public sealed class ReportGroupCommit(IServiceScopeFactory scopes) : IAsyncDisposable
{
    /// <summary>Enough to share one commit among many; small enough that the first in a batch does not wait long.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "progress_report";

    private readonly Channel<Submission> _queue = Channel.CreateUnbounded<Submission>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;

    /// <summary>
    /// Saves the report in the next batch and answers once that batch is committed (or refused). The actor is the
    /// request's, so the audit entries name the same person as a direct save would.
    /// </summary>
    public Task<TaskOutcome<ReportResult>> ReportAsync(
        CurrentUser user, AuditActor actor, int taskId, ReportInput input, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        var submission = new Submission(user, actor.PersonId, actor.Name, taskId, input, files, cancellationToken);
        lock (_gate)
        {
            _writer ??= Task.Run(WriteAsync, CancellationToken.None);
        }

        if (!_queue.Writer.TryWrite(submission))
        {
            throw new ObjectDisposedException(nameof(ReportGroupCommit), "The application is stopping.");
        }

        return submission.Answer.Task;
    }

    /// <summary>
    /// Saves these reports as one batch, in this order, as the writer does with reports that queue up together.
    /// For tests, which cannot otherwise know which reports share a commit.
    /// </summary>
    internal async Task<TaskOutcome<ReportResult>[]> CommitTogetherAsync(
        IEnumerable<(CurrentUser User, AuditActor Actor, int TaskId, ReportInput Input)> reports)
    {
        var batch = reports.Select(r => new Submission(r.User, r.Actor.PersonId, r.Actor.Name, r.TaskId, r.Input, [], CancellationToken.None)).ToList();
        await CommitAsync(batch);
        return await Task.WhenAll(batch.Select(s => s.Answer.Task));
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
        var answers = new List<Action>(batch.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FollowthroughDb>();
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            foreach (var submission in batch)
            {
                await dbTransaction.SaveAsync(Savepoint);
                try
                {
                    var outcome = await ReportOneAsync(submission, connection, dbTransaction);
                    if (outcome.IsDone)
                    {
                        await dbTransaction.ReleaseAsync(Savepoint);
                    }
                    else
                    {
                        await dbTransaction.RollbackAsync(Savepoint);
                    }

                    answers.Add(() => submission.Answer.TrySetResult(outcome));
                }
                catch (Exception failure)
                {
                    // This report alone fails (as a direct save would have: a 500); the savepoint undoes its writes and
                    // clears an aborted PostgreSQL transaction, so the rest of the batch goes on. If even that fails,
                    // the batch fails as a whole (below).
                    await dbTransaction.RollbackAsync(Savepoint);
                    answers.Add(() => submission.Answer.TrySetException(failure));
                }
            }

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

    private async Task<TaskOutcome<ReportResult>> ReportOneAsync(Submission submission, DbConnection connection, DbTransaction transaction)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Set(submission.ActorId, submission.ActorName);
        var db = services.GetRequiredService<FollowthroughDb>();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        await db.Database.UseTransactionAsync(transaction);

        // The batch's savepoint undoes a refused report. EF's own savepoint per save is needed only when files were
        // written: a report that loses its race must see its rows gone to tell which stored files nobody references.
        db.Database.AutoSavepointsEnabled = submission.Files.Count > 0;
        return await services.GetRequiredService<ProgressService>()
            .ReportAsync(submission.User, submission.TaskId, submission.Input, submission.Files, CancellationToken.None);
    }

    private sealed record Submission(
        CurrentUser User, int? ActorId, string ActorName, int TaskId, ReportInput Input, IReadOnlyList<UploadedFile> Files, CancellationToken Cancellation)
    {
        public TaskCompletionSource<TaskOutcome<ReportResult>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
