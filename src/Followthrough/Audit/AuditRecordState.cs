using System.Globalization;
using System.Text.Json;

namespace Followthrough.Audit;

/// <summary>
/// What the trail says one record should look like now: its entries folded in order (a creation sets every recorded
/// column, a change overwrites the changed ones, a deletion ends it), then compared with the row as it is.
/// </summary>
internal sealed class AuditRecordState(string entityId)
{
    private const string Redacted = "(redacted)";

    private readonly Dictionary<string, JsonElement> _columns = new(StringComparer.Ordinal);

    public string EntityId { get; } = entityId;

    public bool Deleted { get; private set; }

    public bool Recorded { get; private set; }

    public void Apply(string? beforeJson, string? afterJson)
    {
        if (afterJson is null)
        {
            if (beforeJson is not null)
            {
                Deleted = true;
                _columns.Clear();
                Recorded = true;
            }

            return;
        }

        if (beforeJson is null)
        {
            _columns.Clear(); // a creation (or a re-creation after a deletion) says everything
        }

        using var after = JsonDocument.Parse(afterJson);
        if (after.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var column in after.RootElement.EnumerateObject())
        {
            _columns[column.Name] = column.Value.Clone();
        }

        Deleted = false;
        Recorded = true;
    }

    /// <summary>The differences from the row as it is (null when it is gone); empty when they agree.</summary>
    public List<string> Differences(JsonElement? current, IReadOnlySet<string> ignored)
    {
        if (current is not { } row)
        {
            return Deleted || !Recorded ? [] : ["the record is gone, but its trail does not record its deletion"];
        }

        if (Deleted)
        {
            return ["the record exists, but its trail ends with its deletion"];
        }

        var differences = new List<string>();
        foreach (var (name, expected) in _columns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (ignored.Contains(name) || IsRedacted(expected) || !row.TryGetProperty(name, out var actual) || Same(expected, actual))
            {
                continue;
            }

            differences.Add($"{name}: the trail says {Show(expected)}, the database has {Show(actual)}");
        }

        return differences;
    }

    private static bool IsRedacted(JsonElement value) => value.ValueKind == JsonValueKind.String && value.GetString() == Redacted;

    /// <summary>
    /// Equal as the trail would have written them: numbers by value (1.50 is 1.5), times to the microsecond and as
    /// UTC (PostgreSQL keeps microseconds; SQLite gives the kind back unspecified), everything else exactly.
    /// </summary>
    internal static bool Same(JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b) ? a == b : expected.GetRawText() == actual.GetRawText();
        }

        if (expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String)
        {
            var (x, y) = (expected.GetString()!, actual.GetString()!);
            return x == y || (Time(x) is { } t && Time(y) is { } u && Math.Abs(t.Ticks - u.Ticks) < 10);
        }

        return JsonElement.DeepEquals(expected, actual);
    }

    private static DateTime? Time(string text) =>
        text.Length >= 19 && text[10] == 'T' && DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
    }
}
