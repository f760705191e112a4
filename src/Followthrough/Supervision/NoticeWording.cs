using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Followthrough.Supervision;

/// <summary>The sentence each kind of notice says, in the reader's language. The English text is the resource key.</summary>
internal static class NoticeWording
{
    public static string Sentence(Notice notice, IStringLocalizer<SupervisionText> t)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(t);
        var due = notice.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var late = notice.WorkingDaysLate ?? 0;
        return notice.Kind switch
        {
            NoticeKind.DueSoon => t["Reminder: {0} \"{1}\" is due on {2}.", notice.TaskCode, notice.TaskTitle, due],
            NoticeKind.Overdue => t["Urging: {0} \"{1}\" was due on {2} and is {3} working days late.", notice.TaskCode, notice.TaskTitle, due, late],
            NoticeKind.ReportOverdue => t["Urging: the progress report on {0} \"{1}\" was due on {2}.", notice.TaskCode, notice.TaskTitle, due],
            NoticeKind.Urged => t["Urging from the supervision office on {0} \"{1}\".", notice.TaskCode, notice.TaskTitle],
            NoticeKind.KeyItem => t["{0} \"{1}\" is {2} working days late and is now a key item under your supervision.", notice.TaskCode, notice.TaskTitle, late],
            NoticeKind.SpecialSupervision => t["{0} \"{1}\" is {2} working days late and is now on the special supervision list.", notice.TaskCode, notice.TaskTitle, late],
            _ => notice.Kind.ToString(),
        };
    }

    /// <summary>For e-mail and chat: Chinese first, then English, whatever the sender's own language.</summary>
    public static string Bilingual(Notice notice, IStringLocalizer<SupervisionText> t)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
            var zh = Sentence(notice, t);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var en = Sentence(notice, t);
            return notice.Message is { Length: > 0 } message ? $"{zh}\n{message}\n\n{en}\n{message}" : $"{zh}\n\n{en}";
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
