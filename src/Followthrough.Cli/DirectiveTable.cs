using System.Globalization;
using System.Text;
using Followthrough.Directives.Extraction;

namespace Followthrough.Cli;

/// <summary>
/// <c>extract --format table</c>: the directives for reading at a terminal. One block per directive: a line of
/// number, offsets, deadline, actors and topics, then the words themselves (on one line, shortened if long).
/// </summary>
internal static class DirectiveTable
{
    private const int TextWidth = 160;

    public static async Task WriteAsync(TextWriter output, ExtractionResult result, DateOnly documentDate)
    {
        var language = result.Language == DocumentLanguage.Chinese ? "Chinese" : "English";
        var date = documentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (result.Directives.Count == 0)
        {
            await output.WriteLineAsync($"No directives found ({language}, document date {date}).");
            return;
        }

        await output.WriteLineAsync($"{result.Directives.Count} directive(s) ({language}, document date {date})");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"#",4}  {"offsets",-13}  {"deadline",-24}  {"actors",-40}  topics");
        var number = 0;
        foreach (var directive in result.Directives)
        {
            number++;
            var offsets = $"{directive.Span.Start}-{directive.Span.End}";
            var deadline = directive.Deadline is { } d
                ? $"{d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} ({OneLine(d.Text, 12)})"
                : "-";
            var actors = directive.Actors.Count == 0
                ? "-"
                : string.Join("; ", directive.Actors.Select(a => a.Unit is null ? OneLine(a.Text, 24) : $"{a.Unit} {OneLine(a.Text, 24)}"));
            var topics = directive.Topics.Count == 0 ? "-" : string.Join(", ", directive.Topics);
            await output.WriteLineAsync($"{number,4}  {offsets,-13}  {deadline,-24}  {actors,-40}  {topics}");
            await output.WriteLineAsync($"      {OneLine(directive.Text, TextWidth)}");
            if (directive.Quantities.Count > 0)
            {
                await output.WriteLineAsync($"      figures: {string.Join("; ", directive.Quantities.Select(q => OneLine(q.Text, 40)))}");
            }
        }
    }

    private static string OneLine(string text, int width)
    {
        var line = new StringBuilder(Math.Min(text.Length, width + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (space && lastWasSpace)
            {
                continue;
            }

            line.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (line.Length > width)
            {
                line.Length = width - 1;
                return line.Append('…').ToString();
            }
        }

        return line.ToString();
    }
}
