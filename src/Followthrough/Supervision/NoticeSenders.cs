using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>
/// Sends one delivery by e-mail (SMTP, when configured) or to the webhook (a JSON POST). Throws when the other side
/// refuses or cannot be reached; the run records the error and tries again next time. Both carry the notice's key, so
/// a receiver can drop the rare repeat (a delivery sent just before a crash is sent again).
/// </summary>
internal sealed class NoticeSenders(IOptions<SupervisionOptions> options, IStringLocalizer<SupervisionText> text, NoticeWebhookClient http)
{
    public SupervisionOptions Options => options.Value;

    public async Task SendAsync(NoticeDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var notice = delivery.Notice ?? throw new InvalidOperationException("Load the notice with its delivery.");
        switch (delivery.Channel)
        {
            case NoticeDelivery.Email:
                await EmailAsync(notice, delivery.Address, cancellationToken);
                break;
            case NoticeDelivery.Webhook:
                await PostAsync(notice, new Uri(delivery.Address), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown delivery channel {delivery.Channel}.");
        }
    }

    private async Task EmailAsync(Notice notice, string address, CancellationToken cancellationToken)
    {
        var smtp = Options.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("E-mail is not configured (Followthrough:Supervision:Smtp:Host and From).");
        }

        var body = NoticeWording.Bilingual(notice, text);
        await SmtpMail.SendAsync(
            smtp, address, $"[{notice.TaskCode}] {body.Split('\n')[0]}", body, new("X-Followthrough-Notice", notice.Key), cancellationToken);
    }

    private async Task PostAsync(Notice notice, Uri url, CancellationToken cancellationToken)
    {
        var hook = Options.Webhook;
        var content = JsonContent.Create(new WebhookPayload(
            notice.Key, notice.Kind, notice.TaskId, notice.TaskCode, notice.TaskTitle, notice.DueOn, notice.WorkingDaysLate,
            notice.Message, notice.RecipientUnitId, notice.RecipientPersonId, notice.CreatedAt, NoticeWording.Bilingual(notice, text)));
        await WebhookPost.SendAsync(http.Client, hook, url, content, header: null, answeredTo: string.Empty, cancellationToken);
    }
}

/// <summary>What the webhook receives.</summary>
internal sealed record WebhookPayload(
    string Key, NoticeKind Kind, int? TaskId, string TaskCode, string TaskTitle, DateOnly? DueOn, int? WorkingDaysLate,
    string? Message, int? RecipientUnitId, int? RecipientPersonId, DateTime CreatedAt, string Text);

/// <summary>One shared HttpClient for the webhook (sockets are pooled; a client per call would exhaust them).</summary>
internal sealed class NoticeWebhookClient : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    public void Dispose() => Client.Dispose();
}
