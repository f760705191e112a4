using System.Globalization;
using System.Net;
using System.Net.Mime;
using System.Text;
using Followthrough.Audit;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>
/// Sends the audit trail's signed checkpoints through the supervision office's channels, when the operator asks for
/// them (Followthrough:Audit:CheckpointToWebhook, CheckpointMailTo): the webhook gets the checkpoint as JSON, the
/// mailbox a message with it as the body. Far from the database, either keeps a copy an intruder in the database
/// cannot reach.
/// </summary>
internal sealed class CheckpointCourier(IOptions<SupervisionOptions> supervision, AuditOptions audit, NoticeWebhookClient http) : IAuditCheckpointOutlet
{
    public async Task SendAsync(AuditCheckpoint checkpoint, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (audit.CheckpointToWebhook)
        {
            await PostAsync(json, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(audit.CheckpointMailTo))
        {
            await MailAsync(checkpoint, json, audit.CheckpointMailTo, cancellationToken);
        }
    }

    private async Task PostAsync(string json, CancellationToken cancellationToken)
    {
        var hook = supervision.Value.Webhook;
        if (hook.Url is null)
        {
            throw new InvalidOperationException("Checkpoints go to the webhook, but Followthrough:Supervision:Webhook:Url is not set.");
        }

        await WebhookPost.SendAsync(
            http.Client, hook, hook.Url!, new StringContent(json, Encoding.UTF8, MediaTypeNames.Application.Json),
            "X-Followthrough-Audit-Checkpoint", " to the audit checkpoint", cancellationToken);
    }

    private async Task MailAsync(AuditCheckpoint checkpoint, string json, string address, CancellationToken cancellationToken)
    {
        var smtp = supervision.Value.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("Checkpoints go by mail, but Followthrough:Supervision:Smtp (Host and From) is not set.");
        }

        await SmtpMail.SendAsync(
            smtp,
            address,
            string.Create(CultureInfo.InvariantCulture, $"Followthrough audit checkpoint: entry {checkpoint.Sequence}, {checkpoint.At:yyyy-MM-dd HH:mm}Z"),
            "Keep this message: `followthrough audit verify --checkpoint FILE` checks the audit trail against checkpoints like it (one JSON line each).\n\n" + json + "\n",
            new("X-Followthrough-Audit-Checkpoint", checkpoint.Sequence.ToString(CultureInfo.InvariantCulture)),
            cancellationToken);
    }
}
