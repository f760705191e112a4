using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>A form's field errors, translated, with what the markup needs: aria-invalid, aria-describedby and the
/// summary at the top linking to each field (field names are the rules', which are also the inputs' ids).</summary>
internal sealed class ServiceFormErrors
{
    private readonly List<(string Field, string Message)> _messages = [];

    public static ServiceFormErrors None => new();

    public bool Any => _messages.Count > 0;

    public IEnumerable<(string Field, string Message)> All => _messages;

    /// <summary>The errors to show; an application form shows each material apart (material i's problems go to
    /// "material-i", <paramref name="materialsApart"/>), an item's edit form has one materials box for them all.</summary>
    public static ServiceFormErrors From(ValidationErrors errors, IStringLocalizer text, bool materialsApart = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        var form = new ServiceFormErrors();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            // Material i's problems belong to the materials box, which is one field on the page.
            var id = materialsApart && field.StartsWith("materials[", StringComparison.Ordinal) && field.EndsWith(']')
                    ? "material-" + field["materials[".Length..^1]
                : field.StartsWith("materials", StringComparison.Ordinal) ? "materials"
                : field.StartsWith("fields", StringComparison.Ordinal) ? "fields" // the form's fields too
                : field.StartsWith("reviewSteps", StringComparison.Ordinal) ? "reviewSteps" // and the review steps
                : field;
            form._messages.AddRange(messages.Select(m => (id, (string)text[m])));
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
