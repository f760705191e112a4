using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Followthrough.Needs.Pages;

/// <summary>A form's field errors, translated, with what the markup needs: aria-invalid, aria-describedby and the
/// summary at the top linking to each field (the rules' field names are the inputs' ids).</summary>
internal sealed class NeedFormErrors
{
    private readonly List<(string Field, string Message)> _messages = [];

    public static NeedFormErrors None => new();

    public bool Any => _messages.Count > 0;

    public IEnumerable<(string Field, string Message)> All => _messages;

    public static NeedFormErrors From(ValidationErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var form = new NeedFormErrors();
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

    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, Invalid(field) is null ? null : $"{field}-error" }.Where(id => id is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }
}
