using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>The e-mails and webhook calls still waiting, sent oldest first after the passes and between daily runs.</summary>
internal sealed partial class PendingDeliveries(FollowthroughDb db, NoticeSenders senders, IOptions<SupervisionOptions> options, ILogger<PendingDeliveries> logger)
{
    /// <summary>Sends what is waiting and records each outcome. A failure is written down, never thrown.</summary>
    public async Task<(int Sent, int Failed)> SendAsync(RunLease lease, CancellationToken cancellationToken)
    {
        var (sent, failed) = (0, 0);
        long lastId = 0;
        while (true)
        {
            var from = lastId;
            var batch = await db.Set<NoticeDelivery>().Include(d => d.Notice)
                .Where(d => d.SentAt == null && d.Attempts < options.Value.MaxDeliveryAttempts && d.Id > from)
                .OrderBy(d => d.Id).Take(100).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return (sent, failed);
            }

            foreach (var delivery in batch)
            {
                delivery.Attempts++;
                delivery.LastAttemptAt = db.Clock.GetUtcNow().UtcDateTime;
                try
                {
                    await senders.SendAsync(delivery, cancellationToken);
                    delivery.SentAt = db.Clock.GetUtcNow().UtcDateTime;
                    delivery.LastError = null;
                    sent++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    delivery.LastError = Describe(error);
                    failed++;
                    LogDeliveryFailed(logger, delivery.Id, delivery.Channel, delivery.LastError);
                }
            }

            db.DescribeNextSave("notice-delivery");
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
            await lease.RenewAsync(cancellationToken);
        }
    }

    private static string Describe(Exception error)
    {
        var message = error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message;
        return message.Length > 1000 ? message[..1000] : message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} by {Channel} failed: {Error}. It is tried again on the next run.")]
    private static partial void LogDeliveryFailed(ILogger logger, long deliveryId, string channel, string error);
}
