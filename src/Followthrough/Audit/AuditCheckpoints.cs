using System.Text;
using System.Text.Json;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Audit;

/// <summary>
/// A signed note of the trail's end, kept outside the database: the last entry's number and hash, when, and the HMAC
/// of those with the audit key. Anyone who later rewrites or cuts the trail below that entry is caught by
/// <c>audit verify --checkpoint</c>, even with the database and its head rewritten to match.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime At, string KeyId, string Signature);

/// <summary>Somewhere else a checkpoint is sent (the supervision webhook, mail); filled in by the module that can send there.</summary>
public interface IAuditCheckpointOutlet
{
    /// <summary>Sends it, or does nothing when this outlet is not configured; throws when the other side refuses.</summary>
    Task SendAsync(AuditCheckpoint checkpoint, string json, CancellationToken cancellationToken);
}

/// <summary>Writes checkpoints (the daily run, <c>audit checkpoint</c>) and reads a checkpoint file back.</summary>
public sealed class AuditCheckpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FollowthroughDb _db;
    private readonly AuditKeyRing _keys;
    private readonly AuditOptions _options;
    private readonly IEnumerable<IAuditCheckpointOutlet> _outlets;

    internal AuditCheckpoints(FollowthroughDb db, AuditKeyRing keys, AuditOptions options, IEnumerable<IAuditCheckpointOutlet> outlets) =>
        (_db, _keys, _options, _outlets) = (db, keys, options, outlets);

    /// <summary>Whether anywhere to send checkpoints to is configured (a file, the webhook or a mail address).</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(_options.CheckpointFile) || _options.CheckpointToWebhook || !string.IsNullOrWhiteSpace(_options.CheckpointMailTo);

    /// <summary>
    /// Signs the current end of the trail and appends it to the checkpoint file, and sends it to the other configured
    /// places. Throws <see cref="InvalidOperationException"/> when no destination or no audit key is configured.
    /// </summary>
    public async Task<AuditCheckpoint> WriteAsync(CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(
                "No checkpoint destination is configured: set Followthrough:Audit:CheckpointFile, CheckpointToWebhook or CheckpointMailTo.");
        }

        var key = _keys.Current ?? throw new InvalidOperationException("A checkpoint is signed with the audit key: set Followthrough:Audit:KeyFile first.");
        var head = await _db.Set<AuditHead>().AsNoTracking().SingleAsync(cancellationToken);
        var at = AuditChain.Truncate(_db.Clock.GetUtcNow().UtcDateTime);
        var checkpoint = new AuditCheckpoint(head.LastSequence, head.LastHash, at, key.Id, AuditChain.Sign(head.LastSequence, head.LastHash, at, key));
        var json = JsonSerializer.Serialize(checkpoint, Json);
        if (!string.IsNullOrWhiteSpace(_options.CheckpointFile))
        {
            await AppendAsync(Path.GetFullPath(_options.CheckpointFile), json, cancellationToken);
        }

        foreach (var outlet in _outlets)
        {
            await outlet.SendAsync(checkpoint, json, cancellationToken);
        }

        return checkpoint;
    }

    /// <summary>The checkpoints of a JSON-lines file; <see cref="FormatException"/> names the first unreadable line.</summary>
    public static async Task<IReadOnlyList<AuditCheckpoint>> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            AuditCheckpoint? checkpoint;
            try
            {
                checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(line, Json);
            }
            catch (JsonException)
            {
                checkpoint = null;
            }

            if (checkpoint is not { Hash: not null, KeyId: not null, Signature: not null })
            {
                throw new FormatException($"Line {number} of {path} is not a checkpoint (sequence, hash, at, keyId, signature).");
            }

            checkpoints.Add(checkpoint with { At = DateTime.SpecifyKind(checkpoint.At.ToUniversalTime(), DateTimeKind.Utc) });
        }

        return checkpoints;
    }

    /// <summary>One line at the end, flushed to disk; the file is only ever appended to (make it append-only with the OS).</summary>
    private static async Task AppendAsync(string path, string json, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await file.WriteAsync(Encoding.UTF8.GetBytes(json + "\n"), cancellationToken);
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
    }
}
