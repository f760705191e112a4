using Followthrough.Storage;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// An item of the service catalogue (事项) as it stands now. Every saved change raises <see cref="Version"/> and
/// writes the whole item as a <see cref="ServiceItemVersion"/>, so an application keeps the version it was filed under.
/// </summary>
internal sealed class ServiceItem : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The responsible unit (Organization's unit id).</summary>
    public int UnitId { get; set; }

    public ServiceKind Kind { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    /// <summary>法定时限, in working days.</summary>
    public int StatutoryDays { get; set; }

    /// <summary>承诺时限, in working days; 0 is "on the spot" (即办).</summary>
    public int CommittedDays { get; set; }

    public DeliveryLevel Level { get; set; }

    /// <summary>Visits the applicant makes: 0 or 1.</summary>
    public int Visits { get; set; }

    /// <summary>The required materials as JSON (<see cref="ServiceMaterial"/>, in order).</summary>
    public string Materials { get; set; } = "[]";

    /// <summary>The fee in yuan; 0 when free.</summary>
    public decimal Fee { get; set; }

    /// <summary>Life-event tags (一件事), stored as <c>;tag;tag;</c> so one tag is found with LIKE '%;tag;%'.</summary>
    public string LifeEvents { get; set; } = string.Empty;

    /// <summary>The application form's fields as JSON (<see cref="FormField"/>, in order).</summary>
    public string FormFields { get; set; } = "[]";

    /// <summary>The review steps (审查环节) as JSON (<see cref="ReviewStep"/>, in order); none: straight to the decision.</summary>
    public string ReviewSteps { get; set; } = "[]";

    /// <summary>May be decided by rules with no human step (秒批).</summary>
    public bool AutoDecidable { get; set; }

    /// <summary>容缺受理: may be accepted on the applicant's promise to supply a missing material.</summary>
    public bool AcceptsOnPromise { get; set; }

    public bool Withdrawn { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>Code and names in lower case, one line, for the search index (FTS5 trigram / pg_trgm).</summary>
    public string SearchText { get; set; } = string.Empty;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One version of an item, written once and never changed: what an application filed under it saw.</summary>
internal sealed class ServiceItemVersion
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public ServiceItem? Item { get; set; }

    public int Version { get; set; }

    /// <summary>created, updated, withdrawn or imported.</summary>
    public required string Change { get; set; }

    /// <summary>The whole item as JSON (<see cref="ServiceItemEntry"/>).</summary>
    public required string Snapshot { get; set; }

    public DateTime ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}
