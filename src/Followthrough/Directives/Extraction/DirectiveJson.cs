using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Followthrough.Directives.Extraction;

/// <summary>
/// The extractor's JSON contract, used by <c>followthrough extract --format json</c>: one array, one object per
/// directive in document order, exactly these keys:
/// <c>{ "text", "start", "end", "actors": [ { "text", "start", "end", "unit" } ], "deadline": { "text", "start",
/// "end", "date" } | null, "topics": [ string ] }</c>. Offsets are UTF-16 code units into the text as read;
/// <c>unit</c> is a registry code or null; <c>date</c> is yyyy-MM-dd or null.
/// </summary>
public static class DirectiveJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese stays readable; the output is a file or a pipe, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<ExtractedDirective> directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var directive in directives)
            {
                json.WriteStartObject();
                WriteString(json, "text", directive.Text);
                json.WriteNumber("start", directive.Span.Start);
                json.WriteNumber("end", directive.Span.End);
                json.WriteStartArray("actors");
                foreach (var actor in directive.Actors)
                {
                    json.WriteStartObject();
                    WriteString(json, "text", actor.Text);
                    json.WriteNumber("start", actor.Span.Start);
                    json.WriteNumber("end", actor.Span.End);
                    WriteString(json, "unit", actor.Unit);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (directive.Deadline is { } deadline)
                {
                    json.WriteStartObject("deadline");
                    WriteString(json, "text", deadline.Text);
                    json.WriteNumber("start", deadline.Span.Start);
                    json.WriteNumber("end", deadline.Span.End);
                    WriteString(json, "date", deadline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("deadline");
                }

                json.WriteStartArray("topics");
                foreach (var topic in directive.Topics)
                {
                    json.WriteStringValue(topic);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Writes a string exactly. Text from a UTF-8 file is always well formed; a string given directly may hold a
    /// lone surrogate, which the writer refuses, so it is written with \u escapes instead of being altered.
    /// </summary>
    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }

        if (IsWellFormed(value))
        {
            json.WriteString(name, value);
            return;
        }

        json.WritePropertyName(name);
        var escaped = new StringBuilder(value.Length + 8).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ' || char.IsSurrogate(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        json.WriteRawValue(escaped.Append('"').ToString(), skipInputValidation: true);
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
