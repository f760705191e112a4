using Followthrough.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages;

/// <summary>
/// Field errors of a form, translated, with what the markup needs: aria-invalid on the field, aria-describedby
/// pointing at the hint and the error, and the summary at the top linking to each field. Field names are the
/// rules' (camelCase), which are also the ids of the inputs.
/// </summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _messages = [];

    public static readonly FormErrors None = new();

    public bool Any => _messages.Count > 0;

    public IEnumerable<(string Field, string Message)> All => _messages;

    public static FormErrors From(ValidationErrors errors, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var form = new FormErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                form._messages.Add((field, text[message]));
            }
        }

        return form;
    }

    public IEnumerable<string> For(string field) => _messages.Where(m => m.Field == field).Select(m => m.Message);

    public static string ErrorId(string field) => $"{field}-error";

    /// <summary>The messages under one field, in the element its aria-describedby names; nothing when it is fine.</summary>
    public IHtmlContent Show(string field)
    {
        var messages = For(field).ToList();
        if (messages.Count == 0)
        {
            return HtmlString.Empty;
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"field-error\" id=\"{ErrorId(field)}\">");
        html.Append(string.Join(" ", messages));
        html.AppendHtml("</p>");
        return html;
    }

    /// <summary>"true" for a field with errors; null (the attribute is left out) otherwise.</summary>
    public string? Invalid(string field) => For(field).Any() ? "true" : null;

    /// <summary>The ids that describe a field: its hint, if any, and its error, if any; null when neither.</summary>
    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, For(field).Any() ? ErrorId(field) : null }.Where(id => id is not null);
        var joined = string.Join(' ', ids);
        return joined.Length == 0 ? null : joined;
    }
}
