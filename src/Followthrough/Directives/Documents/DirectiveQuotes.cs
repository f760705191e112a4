using Followthrough.Tasks;

namespace Followthrough.Directives.Documents;

/// <summary>The sentence of a document a task was made from, for the task's page (<see cref="ITaskSourceQuotes"/>).</summary>
internal sealed class DirectiveQuotes(DocumentQueries documents) : ITaskSourceQuotes
{
    public async Task<TaskSourceQuote?> ForTaskAsync(int taskId, CancellationToken cancellationToken = default) =>
        await documents.SourceOfTaskAsync(taskId, cancellationToken) is { } source
            ? new TaskSourceQuote(source.DocumentId, source.CandidateId, source.DocumentTitle, source.Sentence)
            : null;
}
