using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Followthrough.Audit;

/// <summary>The hashing rule of the trail, in one place so the writer and the verifier cannot disagree.</summary>
internal static class AuditChain
{
    public const string Genesis = "genesis";

    /// <summary>SHA-256 (lower-case hex) over every field of the entry and the hash of the entry before it.</summary>
    /// <remarks>
    /// The hashed bytes are the UTF-8 of the fields joined by U+001F. They are encoded field by field into one pooled
    /// buffer rather than through a joined string: the same bytes, without two large temporary copies per entry, which
    /// a bulk import of a hundred thousand entries (and the verifier reading them back) would otherwise allocate.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Span<char> number = stackalloc char[48];
        Span<char> time = stackalloc char[32];
        var sequence = Format(entry.Sequence, number);
        var actor = entry.ActorId is { } id ? Format(id, number[sequence.Length..]) : Span<char>.Empty;
        var when = Timestamp(entry.OccurredAt, time);
        var length = sequence.Length + when.Length + actor.Length + entry.ActorName.Length + entry.Action.Length + entry.EntityType.Length
            + entry.EntityId.Length + (entry.Comment?.Length ?? 0) + (entry.BeforeJson?.Length ?? 0) + (entry.AfterJson?.Length ?? 0)
            + entry.PreviousHash.Length + 10;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        try
        {
            var at = 0;
            at += Encoding.UTF8.GetBytes(sequence, buffer.AsSpan(at));
            at = Field(buffer, at, when);
            at = Field(buffer, at, actor);
            at = Field(buffer, at, entry.ActorName);
            at = Field(buffer, at, entry.Action);
            at = Field(buffer, at, entry.EntityType);
            at = Field(buffer, at, entry.EntityId);
            at = Field(buffer, at, entry.Comment);
            at = Field(buffer, at, entry.BeforeJson);
            at = Field(buffer, at, entry.AfterJson);
            at = Field(buffer, at, entry.PreviousHash);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, at), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the separator (U+001F, one byte in UTF-8) and the field; returns the new end.</summary>
    private static int Field(byte[] buffer, int at, ReadOnlySpan<char> text)
    {
        buffer[at++] = 0x1f;
        return at + Encoding.UTF8.GetBytes(text, buffer.AsSpan(at));
    }

    /// <summary>Formats into the caller's stack space (a long needs at most 20 characters).</summary>
    private static Span<char> Format(long value, Span<char> destination) =>
        value.TryFormat(destination, out var written, provider: CultureInfo.InvariantCulture) ? destination[..written] : throw new ArgumentException("Too little space.", nameof(destination));

    /// <summary>
    /// Audit times are kept to the millisecond: both databases store that exactly, so the hash survives a round trip.
    /// </summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static Span<char> Timestamp(DateTime value, Span<char> destination) =>
        Truncate(DateTime.SpecifyKind(value, DateTimeKind.Utc)).TryFormat(destination, out var written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
            ? destination[..written]
            : throw new ArgumentException("Too little space.", nameof(destination));
}
