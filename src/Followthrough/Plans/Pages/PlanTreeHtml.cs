using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Followthrough.Plans.Pages;

/// <summary>
/// The outline as nested lists of <c>&lt;details&gt;</c>, written straight to the response. A Razor template would do
/// the same, but a large plan has ten thousand items: written here, each item costs a few string appends and no
/// template machinery, and the markup carries no indentation (a plan of 10,000 items is still several megabytes).
/// </summary>
internal sealed class PlanTreeHtml(TreeModel model, IStringLocalizer<PlansText> text) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        var snapshot = model.Snapshot;
        var culture = CultureInfo.CurrentUICulture;
        var kinds = Enum.GetValues<PlanItemKind>().ToDictionary(k => k, k => encoder.Encode(text[PlanLabels.Of(k)]));
        var statuses = Enum.GetValues<IndicatorStatus>().ToDictionary(s => s, s => $"<span class=\"{PlanLabels.CssClass(s)}\">{encoder.Encode(text[PlanLabels.Of(s)])}</span>");
        var units = snapshot.Units.All.ToDictionary(u => u.Id, u => encoder.Encode(u.DisplayName(culture)));
        var lead = encoder.Encode(text["Lead:"]);
        var indicatorsLabel = encoder.Encode(text["Indicators"]);

        void Line(PlanItem item, ItemRollup rollup)
        {
            writer.Write("<span class=\"item-number\">");
            writer.Write(snapshot.Outline.NumberOf(item.Id));
            writer.Write("</span> <span class=\"item-kind\">");
            writer.Write(kinds[item.Kind]);
            writer.Write("</span> <a href=\"/plans/items/");
            writer.Write(item.Id.ToString(CultureInfo.InvariantCulture));
            writer.Write("\">");
            encoder.Encode(writer, item.DisplayText(culture));
            writer.Write("</a>");
            if (item.LeadUnitId is { } leadId && units.TryGetValue(leadId, out var unit))
            {
                writer.Write(" <span class=\"item-lead\">");
                writer.Write(lead);
                writer.Write(' ');
                writer.Write(unit);
                writer.Write("</span>");
            }

            if (rollup.Status is { } status)
            {
                writer.Write(' ');
                writer.Write(statuses[status]);
            }
        }

        void Item(int id)
        {
            var item = snapshot.Items[id];
            var rollup = snapshot.Rollups[id];
            var children = snapshot.Outline.ChildrenOf(id);
            var indicators = snapshot.IndicatorsOf(id);
            var hasIndicators = indicators.Any();
            var hasChildren = children.Any(Visible);
            writer.Write("<li>");
            if (!hasChildren && !hasIndicators)
            {
                writer.Write("<div class=\"leaf\">");
                Line(item, rollup);
                writer.Write("</div></li>\n");
                return;
            }

            writer.Write(model.Open.Contains(id) ? "<details open><summary>" : "<details><summary>");
            Line(item, rollup);
            writer.Write("</summary>\n");
            if (hasIndicators)
            {
                writer.Write("<ul class=\"indicator-list\" aria-label=\"");
                writer.Write(indicatorsLabel);
                writer.Write("\">");
                foreach (var indicator in indicators)
                {
                    var assessment = snapshot.Assessments[indicator.Id];
                    writer.Write("<li><a href=\"/plans/indicators/");
                    writer.Write(indicator.Id.ToString(CultureInfo.InvariantCulture));
                    writer.Write("\">");
                    encoder.Encode(writer, indicator.DisplayName(culture));
                    writer.Write("</a> ");
                    writer.Write(statuses[assessment.Status]);
                    if (assessment.Latest is { } latest)
                    {
                        writer.Write(" <span class=\"muted\">");
                        encoder.Encode(writer, $"{PlanLabels.Number(latest.Value)} {indicator.DisplayMeasure(culture)} ({latest.Period.Display(culture)})");
                        writer.Write("</span>");
                    }

                    writer.Write("</li>");
                }

                writer.Write("</ul>\n");
            }

            if (hasChildren)
            {
                writer.Write("<ol class=\"plan-tree\">\n");
                foreach (var child in children)
                {
                    if (Visible(child))
                    {
                        Item(child);
                    }
                }

                writer.Write("</ol>");
            }

            writer.Write("</details></li>\n");
        }

        writer.Write("<ol class=\"plan-tree\" aria-labelledby=\"outline-heading\">\n");
        foreach (var root in snapshot.Outline.Roots)
        {
            if (Visible(root))
            {
                Item(root);
            }
        }

        writer.Write("</ol>\n");
    }

    private bool Visible(int id) => model.Visible is null || model.Visible.Contains(id);
}
