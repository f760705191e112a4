namespace Followthrough.Plans;

/// <summary>
/// The record of one import that changed something: which file (by SHA-256), by whom, and how many records it created
/// or changed. Its audit entry ("plan-imported") summarises the import; every created or changed record also has its
/// own entry, with the same comment naming the file.
/// </summary>
internal sealed class PlanImport
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public required string FileName { get; set; }

    public required string Sha256 { get; set; }

    public int ItemsCreated { get; set; }

    public int ItemsUpdated { get; set; }

    public int IndicatorsCreated { get; set; }

    public int IndicatorsUpdated { get; set; }

    public int ValuesRecorded { get; set; }

    public DateTime ImportedAt { get; set; }

    public int? ImportedById { get; set; }

    public required string ImportedByName { get; set; }
}
