using System.Globalization;
using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Pages;

/// <summary>
/// An item's review steps (审查环节) as the edit page's text box holds them, one step a line:
/// <c>中文名称 | English name | working days | WindowOfficer, Reviewer or Approver</c>.
/// </summary>
internal static class ReviewStepsText
{
    public static string Format(IReadOnlyList<ReviewStep> steps) =>
        string.Join('\n', steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.NameZh} | {s.NameEn} | {s.Days} | {s.Duty}")));

    public static List<ReviewStepInput?> Parse(string? text) =>
    [
        .. (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
            int? days = Part(2) is { } d ? int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : null; // -1: refused by the rules
            return (ReviewStepInput?)new ReviewStepInput(Part(0), Part(1), days, Part(3));
        }),
    ];
}
