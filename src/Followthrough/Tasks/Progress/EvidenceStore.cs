using Followthrough.Storage;

namespace Followthrough.Tasks;

/// <summary>Evidence files of progress reports, under <c>evidence/</c> in the data folder.</summary>
internal sealed class EvidenceStore(string dataFolder) : ChecksummedFiles(Path.Combine(dataFolder, "evidence"));
