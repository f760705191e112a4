using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Services.Catalogue;

/// <summary>The kind of answer a form field takes.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<FormFieldType>))]
public enum FormFieldType
{
    Text,
    Number,
    Date,
    Choice,
    YesNo,
}

/// <summary>
/// One field of an item's application form: its key (what the API and the rules call it), labels, type, whether it is
/// required, the choices of a choice field and, optionally, a text's maximum length or a number's range.
/// </summary>
public sealed record FormField(
    string Key,
    string LabelZh,
    string LabelEn,
    FormFieldType Type,
    bool Required,
    IReadOnlyList<string> Choices,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null);

/// <summary>A form field as sent (type is its English name: Text, Number, Date, Choice, YesNo).</summary>
public sealed record FormFieldInput(
    string? Key,
    string? LabelZh,
    string? LabelEn,
    string? Type,
    bool? Required,
    IReadOnlyList<string>? Choices = null,
    int? MaxLength = null,
    decimal? Min = null,
    decimal? Max = null);

/// <summary>
/// What makes a form valid, and what makes answers fit a form. Keys are a letter then letters, digits or '_' (at most
/// 40), unique, and not one of the facts the rules know (<see cref="Rules.RuleFacts"/>). Dates are yyyy-MM-dd; yes/no
/// answers are "yes" or "no"; numbers use '.' for decimals.
/// </summary>
public static partial class FormFieldRules
{
    public const int MaxFields = 40;
    public const int MaxLabel = 200;
    public const int MaxChoices = 50;
    public const int MaxAnswerLength = 2000;

    public const string FieldsTooMany = "A form has at most 40 fields.";
    public const string KeyShape = "A field's key starts with a letter and has letters, digits and '_' only, at most 40 characters, and is not the name of a fact.";
    public const string KeyRepeated = "Two fields have the same key.";
    public const string LabelsRequired = "A field needs a Chinese and an English label, at most 200 characters.";
    public const string TypeUnknown = "A field's type is one of Text, Number, Date, Choice, YesNo.";
    public const string ChoicesRequired = "A choice field lists its choices (1 to 50, each at most 200 characters, no repeats).";
    public const string LimitsBad = "A maximum length is from 1 to 2000 and only for text; a range only for numbers, its minimum not above its maximum.";

    public const string AnswerRequired = "This field is required.";
    public const string AnswerUnknown = "The form has no such field.";
    public const string AnswerNumber = "Give a number (use '.' for decimals).";
    public const string AnswerDate = "Give a date as yyyy-MM-dd.";
    public const string AnswerYesNo = "Answer yes or no.";
    public const string AnswerChoice = "Choose one of the listed choices.";
    public const string AnswerTooLong = "The answer is longer than this field allows.";
    public const string AnswerRange = "The number is outside the range this field allows.";

    /// <summary>Checks a form's fields; every bad field is reported as fields[i]. Null (not sent) stays null: the item keeps its form.</summary>
    public static IReadOnlyList<FormField>? Check(IReadOnlyList<FormFieldInput?>? inputs, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fields = new List<FormField>();
        if (inputs is null)
        {
            return null;
        }

        if (inputs.Count > MaxFields)
        {
            errors.Add("fields", FieldsTooMany);
            return fields;
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var f = inputs[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"fields[{i}]");
            var key = f?.Key?.Trim() ?? string.Empty;
            if (!KeyRegex().IsMatch(key) || Rules.RuleFacts.IsFact(key))
            {
                errors.Add(name, KeyShape);
            }
            else if (!keys.Add(key))
            {
                errors.Add(name, KeyRepeated);
            }

            var zh = f?.LabelZh?.Trim() ?? string.Empty;
            var en = f?.LabelEn?.Trim() ?? string.Empty;
            if (zh.Length is 0 or > MaxLabel || en.Length is 0 or > MaxLabel)
            {
                errors.Add(name, LabelsRequired);
            }

            FormFieldType? type = !string.IsNullOrWhiteSpace(f?.Type) && !int.TryParse(f.Type, out _)
                && Enum.TryParse<FormFieldType>(f.Type.Trim(), ignoreCase: true, out var t) ? t : null;
            if (type is null)
            {
                errors.Add(name, TypeUnknown);
                continue;
            }

            var choices = (f!.Choices ?? []).Select(c => c?.Trim() ?? string.Empty).ToList();
            if (type == FormFieldType.Choice
                ? choices.Count is 0 or > MaxChoices || choices.Any(c => c.Length is 0 or > MaxLabel) || choices.Distinct(StringComparer.Ordinal).Count() != choices.Count
                : choices.Count > 0)
            {
                errors.Add(name, ChoicesRequired);
            }

            if ((f.MaxLength is not null && (type != FormFieldType.Text || f.MaxLength is < 1 or > MaxAnswerLength))
                || ((f.Min is not null || f.Max is not null) && (type != FormFieldType.Number || f.Min > f.Max)))
            {
                errors.Add(name, LimitsBad);
            }

            fields.Add(new FormField(key, zh, en, type.Value, f.Required ?? false, choices, f.MaxLength, f.Min, f.Max));
        }

        return fields;
    }

    /// <summary>
    /// Checks trimmed answers (empty ones already dropped) against a form: every missing required field, unknown key,
    /// wrong type or value out of range is reported as answers.key. A form without fields takes any answers.
    /// </summary>
    public static void CheckAnswers(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> answers, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(answers);
        if (fields.Count == 0)
        {
            return;
        }

        var byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in answers.Keys.Where(k => !byKey.ContainsKey(k)))
        {
            errors.Add("answers." + key, AnswerUnknown);
        }

        foreach (var field in fields)
        {
            if (!answers.TryGetValue(field.Key, out var value))
            {
                if (field.Required)
                {
                    errors.Add("answers." + field.Key, AnswerRequired);
                }

                continue;
            }

            if (Problem(field, value) is { } problem)
            {
                errors.Add("answers." + field.Key, problem);
            }
        }
    }

    /// <summary>The answer as the rules read it: a decimal, a date, a bool or the text; null when it does not fit.</summary>
    public static object? Typed(FormFieldType type, string value) => type switch
    {
        FormFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null,
        FormFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToDateTime(TimeOnly.MinValue) : null,
        FormFieldType.YesNo => value.ToLowerInvariant() switch { "yes" or "true" => true, "no" or "false" => false, _ => null },
        _ => value,
    };

    private static string? Problem(FormField field, string value)
    {
        var typed = Typed(field.Type, value);
        return field.Type switch
        {
            FormFieldType.Number when typed is not decimal => AnswerNumber,
            FormFieldType.Number when typed is decimal n && (n < field.Min || n > field.Max) => AnswerRange,
            FormFieldType.Date when typed is null => AnswerDate,
            FormFieldType.YesNo when typed is null => AnswerYesNo,
            FormFieldType.Choice when !field.Choices.Contains(value, StringComparer.Ordinal) => AnswerChoice,
            FormFieldType.Text when field.MaxLength is { } max && value.Length > max => AnswerTooLong,
            _ => null,
        };
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex KeyRegex();
}
