namespace Followthrough.Tasks;

/// <summary>A free label on a task (e.g. "营商环境"), kept in its own table so filtering by tag is an index lookup.</summary>
internal sealed class TaskTag
{
    public int TaskId { get; set; }

    public required string Tag { get; set; }

    public const int MaxLength = 40;

    /// <summary>Splits "a, b；c" into distinct trimmed tags.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', '，', ';', '；', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
