using System.Globalization;
using System.Text.RegularExpressions;
using Followthrough.Services.Applications;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>
/// The notes the product itself wrote on an application (the rules' reasons, "rules vN", review-step names, the clock's
/// changes) in the page's language. Only notes the product writes in a known form are translated; what a person typed
/// (an officer's reason, a reviewer's note) is shown as typed.
/// </summary>
internal static partial class ApplicationNotes
{
    private const string RulesBy = "rules v";

    /// <summary>"rules v3" → "rules version 3" / "规则第 3 版"; a person's name as it is.</summary>
    public static string By(string takenBy, IStringLocalizer t) =>
        takenBy.StartsWith(RulesBy, StringComparison.Ordinal)
        && int.TryParse(takenBy.AsSpan(RulesBy.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? string.Format(CultureInfo.CurrentCulture, t["rules version {0}"], version)
            : takenBy;

    /// <summary>The application's reasons: the rules' reason in the page's language when the rules decided it.</summary>
    public static string Reason(ServiceApplicationEntry application, string reason, IStringLocalizer t, bool zh) =>
        application.Steps.Any(s => s.Step is ApplicationStep.Approved or ApplicationStep.Rejected && s.TakenBy.StartsWith(RulesBy, StringComparison.Ordinal))
            ? Rules(reason, t, zh)
            : reason;

    /// <summary>One step's note in the page's language.</summary>
    public static string? Note(ApplicationStepEntry step, ServiceApplicationEntry application, IStringLocalizer t, bool zh)
    {
        if (string.IsNullOrEmpty(step.Note))
        {
            return step.Note;
        }

        var note = step.Note;
        if (step.TakenBy.StartsWith(RulesBy, StringComparison.Ordinal))
        {
            return Rules(note, t, zh);
        }

        return step.Step switch
        {
            ApplicationStep.Filed when note == "window" => t["Recorded at a service window"],
            ApplicationStep.ReviewStepCompleted or ApplicationStep.ReviewStepSentBack => ReviewStep(note, application, zh),
            ApplicationStep.Paused when PauseNote().Match(note) is { Success: true } m && Enum.TryParse<PauseKind>(m.Groups[1].Value, out var kind)
                => t[ApplicationLabels.Of(kind)] + " " + note[m.Groups[1].Length..],
            ApplicationStep.DueDatesChanged when DueNote().Match(note) is { Success: true } m => string.Format(
                CultureInfo.CurrentCulture, t["{0}: committed due date {1} → {2}; statutory {3} → {4}"], t[Why(m.Groups[1].Value)],
                m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value),
            ApplicationStep.Delivered when note == "downloaded by the applicant" => t["Downloaded by the applicant"],
            _ => note,
        };
    }

    /// <summary>What the rules wrote: a fixed sentence, or a refusing line's explanation kept as "中文 / English".</summary>
    private static string Rules(string note, IStringLocalizer t, bool zh)
    {
        var found = t[note];
        if (!found.ResourceNotFound)
        {
            return found;
        }

        var split = note.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? note : zh ? note[..split] : note[(split + 3)..];
    }

    /// <summary>"2. 现场核查 / Site check: what the reviewer wrote" → the step's name in the page's language, the note as written.</summary>
    private static string ReviewStep(string note, ServiceApplicationEntry application, bool zh)
    {
        foreach (var r in application.ReviewSteps)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{r.Number}. {r.NameZh} / {r.NameEn}: ");
            if (note.StartsWith(prefix, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{r.Number}. {(zh ? r.NameZh : r.NameEn)}: {note[prefix.Length..]}");
            }
        }

        return note;
    }

    private static string Why(string why) => why switch
    {
        "extension" => "Time limit extended",
        "pause" => "Clock paused",
        "calendar" => "The working-day calendar changed",
        _ => why,
    };

    [GeneratedRegex(@"^(Hearing|Testing|ExpertReview|Other) \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}: ")]
    private static partial Regex PauseNote();

    [GeneratedRegex(@"^(\w+): committed (\S+) → (\S+); statutory (\S+) → (\S+)$")]
    private static partial Regex DueNote();
}
