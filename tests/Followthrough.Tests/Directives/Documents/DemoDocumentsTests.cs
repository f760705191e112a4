using Followthrough.Directives.Documents;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ExtractionSet = Followthrough.Tests.Directives.Extraction.Extraction;

namespace Followthrough.Tests.Directives.Documents;

public abstract class DemoDocumentsTests(AppFixture app)
{
    [Fact]
    public async Task Demo_HoldsDocumentsInBothLanguages_EachWithCandidates()
    {
        await using var scope = app.Db();
        var documents = await scope.Db.Set<SourceDocument>().AsNoTracking().ToListAsync();
        Assert.True(documents.Count >= 4, $"{documents.Count} demo documents");
        Assert.Contains(documents, d => d.Language == "zh");
        Assert.Contains(documents, d => d.Language == "en");
        var withCandidates = await scope.Db.Set<DirectiveCandidate>().Select(c => c.DocumentId).Distinct().ToListAsync();
        Assert.All(documents, d => Assert.Contains(d.Id, withCandidates));
    }

    [Fact]
    public async Task DemoDirectiveTasks_LinkBackToTheirSentence_AndMoveThroughTheCycle()
    {
        await using var scope = app.Db();
        var tasks = await scope.Db.Set<WorkTask>().AsNoTracking()
            .Where(t => t.OriginKind == OriginKind.Directive && t.OriginId != null).ToListAsync();
        Assert.NotEmpty(tasks);
        var candidates = await scope.Db.Set<DirectiveCandidate>().AsNoTracking().ToDictionaryAsync(c => c.Id);
        var texts = await scope.Db.Set<SourceDocument>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Text);
        foreach (var task in tasks)
        {
            var candidate = candidates[task.OriginId!.Value];
            Assert.Equal(task.Id, candidate.TaskId);
            Assert.Equal(CandidateStatus.TaskCreated, candidate.Status);
            Assert.Equal(texts[candidate.DocumentId][candidate.StartOffset..candidate.EndOffset], candidate.Text);
        }

        // The path from words to results shows every stage: waiting to be assigned, under way, and closed.
        Assert.Contains(tasks, t => t.State == TaskState.Draft);
        Assert.Contains(tasks, t => t.State is TaskState.Assigned or TaskState.SignedFor);
        Assert.Contains(tasks, t => t.State == TaskState.Closed);
        Assert.Contains(candidates.Values, c => c.Status == CandidateStatus.Rejected);
    }

    [SharedFolderFact]
    public async Task DemoDocuments_AreNotCopiedFromTheSeeds()
    {
        const int Window = 60; // unit names such as "Municipal Development and Reform Commission" are facts, not sentences
        var seeds = ExtractionSet.Seeds().Select(s => s.Text).ToList();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            for (var i = 0; i + Window <= seed.Length; i++)
            {
                shingles.Add(seed.Substring(i, Window));
            }
        }

        await using var scope = app.Db();
        foreach (var text in await scope.Db.Set<SourceDocument>().AsNoTracking().Select(d => d.Text).ToListAsync())
        {
            for (var i = 0; i + Window <= text.Length; i++)
            {
                Assert.DoesNotContain(text.Substring(i, Window), shingles);
            }
        }
    }
}

public sealed class DemoDocumentsOnSqlite(SqliteApp app) : DemoDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class DemoDocumentsOnPostgreSql(PostgreSqlApp app) : DemoDocumentsTests(app), IClassFixture<PostgreSqlApp>;
