using System.Text.Json;
using Followthrough.Audit;

namespace Followthrough.Tests.Audit;

public sealed class AuditBulkTests
{
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
        };

        // The recorder: JsonSerializer over the column names in ordinal order, times and enums as text.
        var expected = JsonSerializer.Serialize(new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["created_at"] = time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["id"] = 42,
            ["is_illustrative"] = true,
            ["kind"] = "Monday",
            ["note"] = null,
            ["supersedes_id"] = 7L,
            ["text_zh"] = "建设“科学城”<b>&",
            ["value"] = 3.150m,
        });

        Assert.Equal(expected, AuditBulk.Serialize(values));
    }
}
