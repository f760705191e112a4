namespace Followthrough.Supervision;

/// <summary>
/// One copy of a notice to send outside the system: an e-mail to one address, or one POST to the webhook. Written in
/// the same save as the notice (so a notice is never lost between the inbox and the mail), sent by the run, and
/// retried on every later run until it goes through or <see cref="SupervisionOptions.MaxDeliveryAttempts"/> is used up.
/// </summary>
internal sealed class NoticeDelivery
{
    public const string Email = "email";
    public const string Webhook = "webhook";

    public long Id { get; set; }

    public long NoticeId { get; set; }

    public Notice? Notice { get; set; }

    /// <summary><see cref="Email"/> or <see cref="Webhook"/>.</summary>
    public required string Channel { get; set; }

    /// <summary>The e-mail address, or the webhook's URL when it was written.</summary>
    public required string Address { get; set; }

    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>Why the last attempt failed, as the server or the network said it.</summary>
    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }
}
