using Followthrough.Calendar;
using Followthrough.Demo;
using Followthrough.Directives.Extraction;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>Shared pieces of the extraction tests: the extractor with a fixed date, the labelled set, invariants.</summary>
internal static class Extraction
{
    /// <summary>The date of the standing committee meeting in seed 004, used as the document date in tests.</summary>
    public static readonly DateOnly Date = new(2021, 4, 21);

    /// <summary>China's national working-day calendar from the embedded holiday data (2021: Labour Day 1–5 May, worked on 25 April and 8 May).</summary>
    public static readonly Func<DateOnly, int, DateOnly> AddWorkingDays = (from, days) => CalendarSnapshot.Embedded.For(null).AddWorkingDays(from, days).Date;

    public static readonly DirectiveExtractor Extractor = new(DemoActors.Registry, AddWorkingDays);

    public static string SeedFolder => RepositoryFiles.PathOf("..", "shared", "seeds");

    public static string LabelFolder => RepositoryFiles.PathOf("tests", "Followthrough.Tests", "Directives", "Labels", "Seeds");

    public static string SampleFolder => RepositoryFiles.PathOf("tests", "Followthrough.Tests", "Directives", "Samples");

    public static IReadOnlyList<LabelledDocument> Seeds() => LabelledSet.Seeds(SeedFolder, LabelFolder);

    public static IReadOnlyList<LabelledDocument> Samples() => LabelledSet.Samples(SampleFolder);

    public static ExtractionResult Extract(string text, DocumentLanguage? language = null) => Extractor.Extract(text, Date, language);

    /// <summary>The single directive a one-sentence document yields.</summary>
    public static ExtractedDirective Single(string text)
    {
        var directives = Extract(text).Directives;
        Assert.True(directives.Count == 1, $"expected one directive in «{text}», found {directives.Count}");
        return directives[0];
    }

    public static bool IsDirective(string text) => Extract(text).Directives.Count > 0;

    /// <summary>
    /// What must hold for any output on any input: every span lies inside the text, its text is exactly that
    /// slice, directives come in document order without overlapping, actors and deadlines lie inside their
    /// directive, and the JSON can be written.
    /// </summary>
    public static void AssertInvariants(string text, ExtractionResult result)
    {
        var previousEnd = 0;
        foreach (var directive in result.Directives)
        {
            AssertSlice(text, directive.Span, directive.Text);
            Assert.True(directive.Span.Start >= previousEnd, $"directives overlap or are out of order at {directive.Span}");
            Assert.True(directive.Span.Length > 0);
            previousEnd = directive.Span.End;
            foreach (var actor in directive.Actors)
            {
                AssertSlice(text, actor.Span, actor.Text);
                Assert.True(actor.Span.Start >= directive.Span.Start && actor.Span.End <= directive.Span.End, "actor outside its directive");
            }

            if (directive.Deadline is { } deadline)
            {
                AssertSlice(text, deadline.Span, deadline.Text);
                Assert.True(deadline.Span.Start >= directive.Span.Start && deadline.Span.End <= directive.Span.End, "deadline outside its directive");
            }

            foreach (var figure in directive.Quantities)
            {
                AssertSlice(text, figure.Span, figure.Text);
            }
        }

        _ = DirectiveJson.Serialize(result.Directives);
    }

    private static void AssertSlice(string text, TextSpan span, string words)
    {
        Assert.InRange(span.Start, 0, text.Length);
        Assert.InRange(span.End, span.Start, text.Length);
        Assert.Equal(text.Substring(span.Start, span.Length), words);
    }
}

/// <summary>A clock that always says the same local time.</summary>
internal sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => zone;
}
