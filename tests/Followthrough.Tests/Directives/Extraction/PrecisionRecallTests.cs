using Followthrough.Tests.Infrastructure;
using Followthrough.Directives.Extraction;
using Xunit.Abstractions;

namespace Followthrough.Tests.Directives.Extraction;

/// <summary>
/// Measures the detector against the labelled set (Labels/README.md): a labelled sentence counts as found when a
/// directive overlaps it. Fails below 0.9 precision or recall in either language.
/// </summary>
public sealed class PrecisionRecallTests(ITestOutputHelper output)
{
    private const double Floor = 0.9;

    [SharedFolderFact]
    public void EverySeedSentence_IsLabelled_AndTheLabelsStillMatchTheSeeds()
    {
        var seeds = Extraction.Seeds();

        Assert.Equal(5, seeds.Count);
        foreach (var seed in seeds)
        {
            Assert.Equal(0, seed.Units[0].Span.Start);
            for (var i = 1; i < seed.Units.Count; i++)
            {
                var gap = seed.Text[seed.Units[i - 1].Span.End..seed.Units[i].Span.Start];
                Assert.True(string.IsNullOrWhiteSpace(gap), $"{seed.Name}: text between labels {i - 1} and {i} is not labelled");
            }

            Assert.True(string.IsNullOrWhiteSpace(seed.Text[seed.Units[^1].Span.End..]), $"{seed.Name}: text after the last label");
        }
    }

    [Fact]
    public void OwnSamples_HoldAtLeast150LabelledSentencesPerLanguage_MixingBothKinds()
    {
        foreach (var language in new[] { DocumentLanguage.English, DocumentLanguage.Chinese })
        {
            var units = Extraction.Samples().Where(d => d.Language == language).SelectMany(d => d.Units).ToList();

            Assert.True(units.Count >= 150, $"{language}: {units.Count} labelled sentences");
            Assert.InRange(units.Count(u => u.IsDirective), units.Count / 4, units.Count * 3 / 4);
        }
    }

    [SharedFolderTheory]
    [InlineData(DocumentLanguage.English)]
    [InlineData(DocumentLanguage.Chinese)]
    public void PrecisionAndRecall_AreAtLeastNinetyPercent(DocumentLanguage language)
    {
        var documents = Extraction.Seeds().Concat(Extraction.Samples()).Where(d => d.Language == language).ToList();
        var total = new Score();
        foreach (var source in new[] { LabelledSet.SeedSource, LabelledSet.SampleSource })
        {
            var score = Measure(documents.Where(d => d.Source == source));
            total += score;
            if (score.Sentences > 0)
            {
                output.WriteLine($"{language} {source}: {score}");
            }
        }

        output.WriteLine($"{language} all: {total}");
        Assert.True(total.Precision >= Floor, $"{language} precision {total.Precision:F3} < {Floor}");
        Assert.True(total.Recall >= Floor, $"{language} recall {total.Recall:F3} < {Floor}");
    }

    private static Score Measure(IEnumerable<LabelledDocument> documents)
    {
        var score = new Score();
        foreach (var document in documents)
        {
            var directives = Extraction.Extractor.Extract(document.Text, document.Date).Directives;
            foreach (var unit in document.Units)
            {
                var found = directives.Any(d => d.Span.Overlaps(unit.Span));
                score += new Score(
                    found && unit.IsDirective ? 1 : 0,
                    found && !unit.IsDirective ? 1 : 0,
                    !found && unit.IsDirective ? 1 : 0,
                    !found && !unit.IsDirective ? 1 : 0);
            }
        }

        return score;
    }

    private readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
    {
        public int Sentences => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

        public static Score operator +(Score a, Score b) => new(
            a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives, a.TrueNegatives + b.TrueNegatives);

        public override string ToString() =>
            $"{Sentences} sentences, {TruePositives + FalseNegatives} directives: precision {Precision:F3}, recall {Recall:F3} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
    }
}
