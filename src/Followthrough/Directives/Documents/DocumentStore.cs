using Followthrough.Storage;

namespace Followthrough.Directives.Documents;

/// <summary>Original document files as uploaded, under <c>documents/</c> in the data folder.</summary>
internal sealed class DocumentStore(string dataFolder) : ChecksummedFiles(Path.Combine(dataFolder, "documents"));
