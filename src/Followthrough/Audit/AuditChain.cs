using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Followthrough.Audit;

/// <summary>The hashing (and signing) rule of the trail, in one place so the writer and the verifier cannot disagree.</summary>
internal static class AuditChain
{
    public const string Genesis = "genesis";

    /// <summary>SHA-256 (lower-case hex) over every field of an unkeyed entry (one written before the chain was keyed).</summary>
    public static string ComputeHash(AuditEntry entry) => ComputeHash(entry, null);

    /// <summary>
    /// The entry's hash: for a keyed entry (<see cref="AuditEntry.KeyId"/> set) the HMAC-SHA256 with
    /// <paramref name="key"/> over every field, the key's id included; for an unkeyed one the SHA-256 over the same fields
    /// without it, exactly as entries were hashed before keying, so old chains still verify.
    /// </summary>
    /// <remarks>
    /// The hashed bytes are the UTF-8 of the fields joined by U+001F. They are encoded field by field into one pooled
    /// buffer rather than through a joined string: the same bytes, without two large temporary copies per entry, which
    /// a bulk import of a hundred thousand entries (and the verifier reading them back) would otherwise allocate.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ComputeHash(AuditEntry entry, AuditKey? key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.KeyId is not null && (key is null || key.Id != entry.KeyId))
        {
            throw new ArgumentException($"Entry {entry.Sequence} is keyed with {entry.KeyId}; hash it with that key.", nameof(key));
        }

        Span<char> number = stackalloc char[48];
        Span<char> time = stackalloc char[32];
        var sequence = Format(entry.Sequence, number);
        var actor = entry.ActorId is { } id ? Format(id, number[sequence.Length..]) : Span<char>.Empty;
        var when = Timestamp(entry.OccurredAt, time);
        var length = sequence.Length + when.Length + actor.Length + entry.ActorName.Length + entry.Action.Length + entry.EntityType.Length
            + entry.EntityId.Length + (entry.Comment?.Length ?? 0) + (entry.BeforeJson?.Length ?? 0) + (entry.AfterJson?.Length ?? 0)
            + entry.PreviousHash.Length + (entry.KeyId?.Length ?? 0) + 11;
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
            if (entry.KeyId is null)
            {
                SHA256.HashData(buffer.AsSpan(0, at), hash);
            }
            else
            {
                at = Field(buffer, at, entry.KeyId);
                HMACSHA256.HashData(key!.Secret, buffer.AsSpan(0, at), hash);
            }

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

    /// <summary>A checkpoint's signature: the HMAC-SHA256 over its sequence, hash, time and key id.</summary>
    public static string Sign(long sequence, string hash, DateTime at, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<char> time = stackalloc char[32];
        var text = string.Join('\u001f', "followthrough-audit-checkpoint", sequence.ToString(CultureInfo.InvariantCulture), hash, Timestamp(at, time).ToString(), key.Id);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(text)));
    }

    private static Span<char> Timestamp(DateTime value, Span<char> destination) =>
        Truncate(DateTime.SpecifyKind(value, DateTimeKind.Utc)).TryFormat(destination, out var written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)
            ? destination[..written]
            : throw new ArgumentException("Too little space.", nameof(destination));
}
