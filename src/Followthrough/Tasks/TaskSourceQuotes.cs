namespace Followthrough.Tasks;

/// <summary>The words a task was made from: the document, the passage's anchor on its review page, and the sentence.</summary>
public sealed record TaskSourceQuote(int DocumentId, int CandidateId, string DocumentTitle, string Sentence);

/// <summary>
/// Finds the sentence a task was made from. The Directives module, which makes tasks from documents and builds on
/// Tasks, provides it; the task page shows the quote without knowing where documents are kept.
/// </summary>
public interface ITaskSourceQuotes
{
    Task<TaskSourceQuote?> ForTaskAsync(int taskId, CancellationToken cancellationToken = default);
}
