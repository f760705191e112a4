using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Followthrough.Directives.Documents;
using Microsoft.AspNetCore.Html;

namespace Followthrough.Directives.Pages;

/// <summary>
/// The document's text as HTML with each directive in a <c>&lt;mark&gt;</c>, the units and generic actors in it in
/// <c>&lt;strong class="actor"&gt;</c> and its time limit in <c>&lt;em class="deadline"&gt;</c>. Every piece of text is
/// encoded; overlapping marks are dropped, never nested wrongly.
/// </summary>
internal static class MarkedText
{
    // Chinese stays readable in the page source, as everywhere else in the app.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(string text, int start, int end, IReadOnlyList<DirectiveCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        var html = new StringBuilder();
        var encoder = Encoder;
        var at = start;
        foreach (var candidate in candidates.Where(c => c.StartOffset >= start && c.EndOffset <= end).OrderBy(c => c.StartOffset))
        {
            if (candidate.StartOffset < at)
            {
                continue; // overlaps the previous directive
            }

            html.Append(encoder.Encode(text[at..candidate.StartOffset]));
            html.Append("<mark id=\"s").Append(candidate.Id).Append("\">");
            var inner = candidate.StartOffset;
            var marks = CandidateActors.Parse(candidate.Actors).Select(a => (a.Start, a.End, Tag: "strong", Class: "actor"))
                .Concat(candidate.DeadlineStart is { } ds && candidate.DeadlineEnd is { } de ? [(ds, de, "em", "deadline")] : [])
                .Where(m => m.Start >= candidate.StartOffset && m.End <= candidate.EndOffset && m.End > m.Start)
                .OrderBy(m => m.Start);
            foreach (var (markStart, markEnd, tag, cssClass) in marks)
            {
                if (markStart < inner)
                {
                    continue;
                }

                html.Append(encoder.Encode(text[inner..markStart]))
                    .Append('<').Append(tag).Append(" class=\"").Append(cssClass).Append("\">")
                    .Append(encoder.Encode(text[markStart..markEnd]))
                    .Append("</").Append(tag).Append('>');
                inner = markEnd;
            }

            html.Append(encoder.Encode(text[inner..candidate.EndOffset])).Append("</mark>");
            html.Append("<a class=\"to-candidate\" href=\"#c").Append(candidate.Id).Append("\">[c").Append(candidate.Id).Append("]</a>");
            at = candidate.EndOffset;
        }

        html.Append(encoder.Encode(text[at..end]));
        return new HtmlString(html.ToString());
    }
}
