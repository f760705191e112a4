using System.Globalization;
using Followthrough.Audit;
using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>What one run did; <see cref="SkippedBecause"/> says why it did nothing.</summary>
public sealed record SupervisionRunResult(
    DateOnly Day, int NoticesCreated, int TasksMadeKeyItems, int TasksPutOnSpecialList, int DeliveriesSent, int DeliveriesFailed, string? SkippedBecause = null)
{
    public bool Ran => SkippedBecause is null;
}

/// <summary>
/// The daily supervision run (督办): under the lease, the due pass (reminders before deadlines and time nodes, urging
/// notices, escalation) and the report pass (urging for overdue reports) of <see cref="SupervisionPasses"/>, the other
/// modules' work under a limit (<see cref="WorkPass"/>: service applications), then the
/// e-mail and webhook deliveries still waiting, each run logged in <c>supervision_runs</c>; last, the day's signed
/// checkpoint of the audit trail, where the operator has configured one (<see cref="AuditCheckpoints"/>).
/// </summary>
public sealed partial class SupervisionRun
{
    public const string ActorName = "supervision run";

    private readonly FollowthroughDb _db;
    private readonly SupervisionPasses _passes;
    private readonly WorkPass _work;
    private readonly PendingDeliveries _deliveries;
    private readonly ReportedPeriodSummaries _summaries;
    private readonly AuditCheckpoints _checkpoints;
    private readonly IOptions<SupervisionOptions> _options;
    private readonly ILogger<SupervisionRun> _logger;

    internal SupervisionRun(
        FollowthroughDb db,
        SupervisionPasses passes,
        WorkPass work,
        PendingDeliveries deliveries,
        ReportedPeriodSummaries summaries,
        AuditCheckpoints checkpoints,
        IOptions<SupervisionOptions> options,
        ILogger<SupervisionRun> logger)
    {
        (_db, _passes, _work, _deliveries, _summaries, _checkpoints, _options, _logger) = (db, passes, work, deliveries, summaries, checkpoints, options, logger);
    }

    /// <summary>This run's name in the lease and the run log: the machine, the process and a random part.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs the supervision for <paramref name="day"/> (today in Beijing when null).</summary>
    public async Task<SupervisionRunResult> RunAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        var today = day ?? _db.Clock.Today();
        var lease = NewLease();
        if (!await lease.TryTakeAsync(cancellationToken))
        {
            return new(today, 0, 0, 0, 0, 0, "Another instance is running the supervision.");
        }

        try
        {
            var log = new SupervisionRunLog { RunOn = today, Holder = Holder, StartedAt = _db.Clock.GetUtcNow().UtcDateTime };
            _db.Set<SupervisionRunLog>().Add(log);
            _db.DescribeNextSave("supervision-run-started");
            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();

            var tally = new RunTally();
            await _passes.DueAsync(today, lease, tally, cancellationToken);
            await _passes.ReportsAsync(today, lease, tally, cancellationToken);
            await _work.RunAsync(today, lease, tally, cancellationToken);
            var (sent, failed) = await _deliveries.SendAsync(lease, cancellationToken);

            // The day's reports cleared their tasks' summaries of answered periods; refill them for the bulletin.
            await _summaries.FillAsync(cancellationToken: cancellationToken);

            log.FinishedAt = _db.Clock.GetUtcNow().UtcDateTime;
            log.NoticesCreated = tally.Notices;
            log.DeliveriesSent = sent;
            log.DeliveriesFailed = failed;
            _db.Set<SupervisionRunLog>().Update(log);
            _db.DescribeNextSave("supervision-run-finished");
            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            LogFinished(_logger, today, tally.Notices, sent, failed);
            await CheckpointAsync(cancellationToken);
            return new(today, tally.Notices, tally.KeyItems, tally.SpecialList, sent, failed);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    /// <summary>
    /// The day's checkpoint, after the run's own entries. A checkpoint that cannot be written (no key, the file or
    /// the webhook unreachable) is logged, not fatal: the day's supervision is done either way.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!_checkpoints.IsConfigured)
        {
            return;
        }

        try
        {
            var checkpoint = await _checkpoints.WriteAsync(cancellationToken);
            LogCheckpoint(_logger, checkpoint.Sequence, checkpoint.KeyId);
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or UnauthorizedAccessException or HttpRequestException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogCheckpointFailed(_logger, error);
        }
    }

    /// <summary>Only the deliveries still waiting (for the background service between daily runs).</summary>
    public async Task<(int Sent, int Failed)> DeliverPendingAsync(CancellationToken cancellationToken = default)
    {
        var lease = NewLease();
        if (!await lease.TryTakeAsync(cancellationToken))
        {
            return (0, 0);
        }

        try
        {
            return await _deliveries.SendAsync(lease, cancellationToken);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }

    /// <summary>Whether a run for the day has finished (the background service runs each day once).</summary>
    public Task<bool> FinishedForAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        _db.Set<SupervisionRunLog>().AnyAsync(r => r.RunOn == day && r.FinishedAt != null, cancellationToken);

    private RunLease NewLease() => new(_db, Holder, TimeSpan.FromSeconds(Math.Max(10, _options.Value.LeaseSeconds)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written: entry {Sequence}, key {KeyId}.")]
    private static partial void LogCheckpoint(ILogger logger, long sequence, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The day's audit checkpoint could not be written; write one with `followthrough audit checkpoint`.")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision run for {Day} finished: {Notices} notices, {Sent} deliveries sent, {Failed} failed.")]
    private static partial void LogFinished(ILogger logger, DateOnly day, int notices, int sent, int failed);
}

/// <summary>The run's lease expired and another instance took it: this run stops; its committed batches stay.</summary>
internal sealed class SupervisionLeaseLostException() : Exception("The supervision lease was lost to another instance.");
