namespace Followthrough.Audit;

/// <summary>
/// Where the audit key and the checkpoints live, under <c>Followthrough:Audit</c> (environment variables
/// <c>Followthrough__Audit__KeyFile</c> and so on). See "The audit trail" in docs/security.md.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Followthrough:Audit";

    /// <summary>
    /// The key file: one key a line (<c>id base64-key created</c>), the last line the key in use, older lines kept
    /// so older entries still verify. Created with owner-only permissions the first time the trail is written, when
    /// missing. Keep it outside the database's folder and backups.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// The keys themselves instead of a file (e.g. from a secret store): <c>id base64-key</c> pairs separated by
    /// <c>;</c>, the last the key in use. Rotation then means adding a pair here; <c>audit rotate-key</c> needs a file.
    /// </summary>
    public string? Keys { get; set; }

    /// <summary>Append-only JSON-lines file the daily run (and <c>audit checkpoint</c>) appends a signed checkpoint to.</summary>
    public string? CheckpointFile { get; set; }

    /// <summary>Also POST each checkpoint to the supervision webhook (Followthrough:Supervision:Webhook).</summary>
    public bool CheckpointToWebhook { get; set; }

    /// <summary>Also mail each checkpoint to this address through the supervision mail server (Followthrough:Supervision:Smtp).</summary>
    public string? CheckpointMailTo { get; set; }

    public bool IsKeyed => !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(Keys);
}
