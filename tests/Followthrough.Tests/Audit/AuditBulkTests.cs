using System.Text.Json;
using Followthrough.Audit;

namespace Followthrough.Tests.Audit;

public sealed class AuditBulkTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Serialize_WritesExactlyWhatTheRecorderWrites()
    {
        var time = new DateTime(2026, 11, 22, 13, 48, 43, 123, DateTimeKind.Utc);
        var values = new Dictionary<string, object?>
        {
            ["text_zh"] = "建设“科学城”<b>&",
            ["id"] = 42,
            ["supersedes_id"] = 7L,
            ["value"] = 3.150m,
            ["is_illustrative"] = true,
            ["note"] = null,
            ["created_at"] = time,
            ["kind"] = DayOfWeek.Monday,
            ["due_on"] = new DateOnly(2026, 10, 8),
            ["share"] = 0.125d,
        };

        // The form the trail has always had (the recorder and bulk writers both write it now): JsonSerializer over the
        // column names in ordinal order, times, dates and enums as text, Chinese unescaped.
        var expected = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["created_at"] = time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["due_on"] = "2026-10-08",
            ["id"] = 42,
            ["is_illustrative"] = true,
            ["kind"] = "Monday",
            ["note"] = null,
            ["share"] = 0.125d,
            ["supersedes_id"] = 7L,
            ["text_zh"] = "建设“科学城”<b>&",
            ["value"] = 3.150m,
        }, Relaxed);

        Assert.Equal(expected, AuditBulk.Serialize(values));
        Assert.Contains("科学城", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_RowInColumnOrder_SameAsTheDictionaryForm()
    {
        string[] columns = ["text_zh", "id", "supersedes_id", "value", "is_illustrative", "note", "created_at", "kind", "Upper", "_x"];
        object?[] row = ["建设“科学城”<b>&", 42, 7L, 3.150m, true, null, new DateTime(2026, 11, 22, 13, 48, 43, 123, DateTimeKind.Utc), DayOfWeek.Monday, 2.5m, "x"];
        var values = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => row[p.i]);

        Assert.Equal(AuditBulk.Serialize(values), AuditBulk.Serialize(new AuditColumnOrder(columns), row));
    }
}

public sealed class AuditChainTests
{
    /// <summary>The hash as first defined: the fields joined by U+001F into one string, then UTF-8, then SHA-256.</summary>
    private static string JoinedHash(AuditEntry e) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f',
            e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            e.ActorName, e.Action, e.EntityType, e.EntityId, e.Comment ?? string.Empty, e.BeforeJson ?? string.Empty, e.AfterJson ?? string.Empty, e.PreviousHash))));

    public static TheoryData<long, int?, string?, string?, string?> Entries => new()
    {
        { 1, null, null, null, null },
        { 134_498, 7, "large.xlsx (SHA-256 ab12)", null, "{\"code\":\"C1.2\",\"text_zh\":\"条目 “科学城”\"}" },
        { long.MaxValue, int.MinValue, "  注释 ", "{\"a\":1}", "{\"a\":2}" },
        { 42, 3, new string('长', 5000), "\ud83d\ude00 emoji", "lone \ud800 surrogate" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void ComputeHash_AnyEntry_SameAsTheJoinedFormOfTheFields(long sequence, int? actorId, string? comment, string? before, string? after)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            OccurredAt = new DateTime(2026, 11, 22, 13, 48, 43, 123, DateTimeKind.Utc),
            ActorId = actorId,
            ActorName = "规划处 Zhang",
            Action = "imported",
            EntityType = "indicator_values",
            EntityId = "100234",
            Comment = comment,
            BeforeJson = before,
            AfterJson = after,
            PreviousHash = AuditChain.Genesis,
            Hash = string.Empty,
        };

        Assert.Equal(JoinedHash(entry), AuditChain.ComputeHash(entry));
    }
}
