namespace Followthrough.Audit;

/// <summary>The single row that holds the end of the hash chain; writers lock it to append one at a time.</summary>
internal sealed class AuditHead
{
    public int Id { get; set; }

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}
