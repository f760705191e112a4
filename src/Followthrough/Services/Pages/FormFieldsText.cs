using System.Globalization;
using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Pages;

/// <summary>
/// An item's form fields as the edit page's text box holds them, one field a line:
/// <c>key | 中文标签 | English label | Text, Number, Date, Choice or YesNo | required (yes/no) | choices a;b;c | limit</c>,
/// the limit being a text's maximum length (e.g. 100) or a number's range (e.g. 0..5000).
/// </summary>
internal static class FormFieldsText
{
    public static string Format(IReadOnlyList<FormField> fields) => string.Join('\n', fields.Select(f =>
        $"{f.Key} | {f.LabelZh} | {f.LabelEn} | {f.Type} | {(f.Required ? "yes" : "no")} | {string.Join(';', f.Choices)} | {Limit(f)}".TrimEnd(' ', '|')));

    public static List<FormFieldInput?> Parse(string? text) =>
    [
        .. (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
            var required = Part(4)?.ToLowerInvariant() is "yes" or "是" or "true";
            var choices = Part(5)?.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            int? maxLength = null;
            decimal? min = null, max = null;
            if (Part(6) is { } limit)
            {
                var range = limit.Split("..", StringSplitOptions.TrimEntries);
                if (range.Length == 2)
                {
                    min = Number(range[0]);
                    max = Number(range[1]);
                }
                else
                {
                    maxLength = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1; // -1: refused by the rules
                }
            }

            return (FormFieldInput?)new FormFieldInput(Part(0), Part(1), Part(2), Part(3), required, choices, maxLength, min, max);
        }),
    ];

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Limit(FormField f) => f switch
    {
        { MaxLength: { } max } => max.ToString(CultureInfo.InvariantCulture),
        { Min: not null } or { Max: not null } => $"{f.Min?.ToString("0.##########", CultureInfo.InvariantCulture)}..{f.Max?.ToString("0.##########", CultureInfo.InvariantCulture)}",
        _ => string.Empty,
    };
}
