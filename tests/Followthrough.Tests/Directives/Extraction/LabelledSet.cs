using System.Globalization;
using Followthrough.Directives.Extraction;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>One labelled sentence or clause: where it is in the document and whether it is a directive.</summary>
public sealed record LabelledUnit(TextSpan Span, bool IsDirective);

/// <summary>A labelled document: the text the extractor reads, and the labels over it.</summary>
public sealed record LabelledDocument(string Name, string Source, DocumentLanguage Language, DateOnly Date, string Text, IReadOnlyList<LabelledUnit> Units);

/// <summary>
/// Loads the labelled set: the seed documents (read from the shared folder at run time, labelled by offset in
/// Labels/Seeds) and our own samples (Samples/{en,zh}, labels inline as [D] / [N]). See Labels/README.md.
/// </summary>
public static class LabelledSet
{
    public const string SeedSource = "seeds";
    public const string SampleSource = "own samples";

    public static IReadOnlyList<LabelledDocument> Seeds(string seedFolder, string labelFolder)
    {
        var documents = new List<LabelledDocument>();
        foreach (var labels in Directory.GetFiles(labelFolder, "*.labels").Order(StringComparer.Ordinal))
        {
            var prefix = Path.GetFileNameWithoutExtension(labels);
            var seed = Directory.GetFiles(seedFolder, prefix + "_*.txt").Single();
            var text = File.ReadAllText(seed);
            var date = DateOnly.MinValue;
            var starts = new List<(int Offset, bool Directive)>();
            foreach (var line in File.ReadAllLines(labels))
            {
                if (line.StartsWith("# date:", StringComparison.Ordinal))
                {
                    date = DateOnly.ParseExact(line["# date:".Length..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var parts = line.Split(' ', 3);
                var offset = int.Parse(parts[0], CultureInfo.InvariantCulture);
                if (!text.AsSpan(offset).StartsWith(parts[2], StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{labels}: the seed text at {offset} does not start with \"{parts[2]}\"");
                }

                starts.Add((offset, parts[1] == "D"));
            }

            var units = new List<LabelledUnit>();
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Offset : text.Length;
                units.Add(new LabelledUnit(Trim(text, starts[i].Offset, end), starts[i].Directive));
            }

            documents.Add(new LabelledDocument(Path.GetFileName(seed), SeedSource, DocumentLanguage.English, date, text, units));
        }

        return documents;
    }

    public static IReadOnlyList<LabelledDocument> Samples(string sampleFolder)
    {
        var documents = new List<LabelledDocument>();
        foreach (var folder in new[] { "en", "zh" })
        {
            var language = folder == "en" ? DocumentLanguage.English : DocumentLanguage.Chinese;
            foreach (var file in Directory.GetFiles(Path.Combine(sampleFolder, folder), "*.txt").Order(StringComparer.Ordinal))
            {
                documents.Add(ParseSample($"{folder}/{Path.GetFileName(file)}", language, File.ReadAllText(file)));
            }
        }

        return documents;
    }

    /// <summary>Removes the header and the [D]/[N] markers; each marker starts a unit that runs to the next.</summary>
    public static LabelledDocument ParseSample(string name, DocumentLanguage language, string raw)
    {
        var date = new DateOnly(2021, 4, 21);
        var at = 0;
        while (at < raw.Length && raw[at] == '#')
        {
            var lineEnd = raw.IndexOf('\n', at);
            lineEnd = lineEnd < 0 ? raw.Length : lineEnd;
            var line = raw[at..lineEnd].TrimEnd('\r');
            if (line.StartsWith("# date:", StringComparison.Ordinal))
            {
                date = DateOnly.ParseExact(line["# date:".Length..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            at = Math.Min(raw.Length, lineEnd + 1);
        }

        if (at > 0 && at < raw.Length && raw[at] == '\n')
        {
            at++;
        }

        var body = raw[at..];

        var text = new System.Text.StringBuilder(body.Length);
        var starts = new List<(int Offset, bool Directive)>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '[' && i + 2 < body.Length && body[i + 2] == ']' && body[i + 1] is 'D' or 'N')
            {
                starts.Add((text.Length, body[i + 1] == 'D'));
                i += 2;
                continue;
            }

            text.Append(body[i]);
        }

        var plain = text.ToString();
        var units = new List<LabelledUnit>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Offset : plain.Length;
            units.Add(new LabelledUnit(Trim(plain, starts[i].Offset, end), starts[i].Directive));
        }

        return new LabelledDocument(name, SampleSource, language, date, plain, units);
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
