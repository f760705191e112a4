using System.Globalization;
using Followthrough.Services.Duties;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// One review step (审查环节) an item's applications pass after acceptance and before the decision: its names, its own
/// time limit in working days and the duty (<see cref="ServiceDuty"/>) of whoever in the item's unit completes it.
/// </summary>
public sealed record ReviewStep(string NameZh, string NameEn, int Days, ServiceDuty Duty);

/// <summary>A review step as sent (duty is its English name: WindowOfficer, Reviewer or Approver).</summary>
public sealed record ReviewStepInput(string? NameZh, string? NameEn, int? Days, string? Duty);

/// <summary>
/// What makes an item's review steps valid: at most 10, each with both names, a limit of 1 working day or more and a
/// known duty, and all limits together no longer than the item's committed time limit (承诺时限).
/// </summary>
public static class ReviewStepRules
{
    public const int MaxSteps = 10;

    public const string TooMany = "An item has at most 10 review steps.";
    public const string NamesRequired = "A review step needs a Chinese and an English name, at most 200 characters.";
    public const string DaysRange = "A review step's time limit is a whole number of working days, at least 1.";
    public const string DutyUnknown = "A review step's duty is one of WindowOfficer, Reviewer or Approver.";
    public const string OverCommitted = "The review steps' time limits together must not exceed the committed time limit.";

    /// <summary>The history note of an application decided by rules (秒批) whose item has review steps.</summary>
    public const string SkippedByRules = "Review steps skipped: decided by rules (秒批).";

    /// <summary>Checks the steps, each bad one reported as reviewSteps[i] and a sum past <paramref name="committedDays"/>
    /// as reviewSteps. Null (not sent) stays null: the item keeps its steps.</summary>
    public static IReadOnlyList<ReviewStep>? Check(IReadOnlyList<ReviewStepInput?>? inputs, int? committedDays, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (inputs is null)
        {
            return null;
        }

        var steps = new List<ReviewStep>();
        if (inputs.Count > MaxSteps)
        {
            errors.Add("reviewSteps", TooMany);
            return steps;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var s = inputs[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"reviewSteps[{i}]");
            var zh = s?.NameZh?.Trim() ?? string.Empty;
            var en = s?.NameEn?.Trim() ?? string.Empty;
            if (zh.Length is 0 or > ServiceItemRules.MaxName || en.Length is 0 or > ServiceItemRules.MaxName)
            {
                errors.Add(name, NamesRequired);
            }

            if (s?.Days is not (>= 1 and <= ServiceItemRules.MaxDays))
            {
                errors.Add(name, DaysRange);
            }

            var duty = ParseDuty(s?.Duty);
            if (duty is null)
            {
                errors.Add(name, DutyUnknown);
            }

            steps.Add(new ReviewStep(zh, en, s?.Days ?? 0, duty ?? ServiceDuty.WindowOfficer));
        }

        CheckSum(steps, committedDays, errors);
        return steps;
    }

    /// <summary>Reports the steps' limits together past the committed limit (nothing when that limit is unknown).</summary>
    public static void CheckSum(IReadOnlyList<ReviewStep> steps, int? committedDays, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(errors);
        if (committedDays is { } committed && steps.Sum(s => (long)Math.Max(0, s.Days)) > committed)
        {
            errors.Add("reviewSteps", OverCommitted);
        }
    }

    public static ServiceDuty? ParseDuty(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<ServiceDuty>(text.Trim(), ignoreCase: true, out var duty)
            && Enum.IsDefined(duty) ? duty : null;
}
