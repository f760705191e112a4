using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Followthrough.Ratings.Pages;

/// <summary>A rating form's field errors, translated, with what the markup needs (aria-invalid, aria-describedby, the
/// summary linking to each field; the rules' field names are the inputs' ids).</summary>
internal sealed class RatingFormErrors
{
    private readonly List<(string Field, string Message)> _messages = [];

    public static RatingFormErrors None => new();

    public bool Any => _messages.Count > 0;

    public IEnumerable<(string Field, string Message)> All => _messages;

    public static RatingFormErrors From(ValidationErrors errors, IStringLocalizer text)
    {
        var form = new RatingFormErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            form._messages.AddRange(messages.Select(m => (field, (string)text[m])));
        }

        return form;
    }

    public IHtmlContent Show(string field)
    {
        var messages = _messages.Where(m => m.Field == field).Select(m => m.Message).Distinct().ToList();
        if (messages.Count == 0)
        {
            return HtmlString.Empty;
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"field-error\" id=\"{field}-error\">");
        html.Append(string.Join(" ", messages));
        html.AppendHtml("</p>");
        return html;
    }

    public string? Invalid(string field) => _messages.Any(m => m.Field == field) ? "true" : null;

    public string? DescribedBy(string field) => Invalid(field) is null ? null : $"{field}-error";
}

/// <summary>The words for the module's values, in English (the key of their translation).</summary>
internal static class RatingLabels
{
    /// <summary>Both languages, as the counter tablet and the rating page show each grade.</summary>
    public static (string En, string Zh) Of(RatingGrade grade) => grade switch
    {
        RatingGrade.VerySatisfied => ("Very satisfied", "非常满意"),
        RatingGrade.Satisfied => ("Satisfied", "满意"),
        RatingGrade.BasicallySatisfied => ("Basically satisfied", "基本满意"),
        RatingGrade.Dissatisfied => ("Dissatisfied", "不满意"),
        _ => ("Very dissatisfied", "非常不满意"),
    };

    public static (string En, string Zh) Of(FixGrade grade) => grade switch
    {
        FixGrade.Satisfied => ("Satisfied", "满意"),
        FixGrade.BasicallySatisfied => ("Basically satisfied", "基本满意"),
        _ => ("Dissatisfied", "不满意"),
    };

    public static string Of(RectificationState state) => state switch
    {
        RectificationState.Opened => "To verify",
        RectificationState.Verified => "To rectify and reply",
        RectificationState.Rectified => "To call back",
        _ => "Called back",
    };

    public static string Of(RatingChannel channel) => channel switch
    {
        RatingChannel.Online => "Online",
        RatingChannel.Window => "At the window",
        RatingChannel.Mobile => "On a phone",
        _ => "By the hotline",
    };
}
