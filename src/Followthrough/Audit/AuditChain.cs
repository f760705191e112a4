using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Followthrough.Audit;

/// <summary>The hashing rule of the trail, in one place so the writer and the verifier cannot disagree.</summary>
public static class AuditChain
{
    public const string Genesis = "genesis";

    /// <summary>SHA-256 (lower-case hex) over every field of the entry and the hash of the entry before it.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            Timestamp(entry.OccurredAt),
            entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            entry.ActorName,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Comment ?? string.Empty,
            entry.BeforeJson ?? string.Empty,
            entry.AfterJson ?? string.Empty,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Audit times are kept to the millisecond: both databases store that exactly, so the hash survives a round trip.
    /// </summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static string Timestamp(DateTime value) =>
        Truncate(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
