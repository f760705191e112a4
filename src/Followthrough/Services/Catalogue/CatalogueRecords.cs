namespace Followthrough.Services.Catalogue;

/// <summary>A required material: names, the form it is handed in, whether an electronic licence (电子证照) can replace it.</summary>
public sealed record ServiceMaterial(string NameZh, string NameEn, MaterialFormat Format, bool ElectronicLicence);

/// <summary>An item of the catalogue as everyone reads it.</summary>
public sealed record ServiceItemEntry(
    int Id,
    string Code,
    string NameZh,
    string NameEn,
    int UnitId,
    ServiceKind Kind,
    string LegalBasis,
    int StatutoryDays,
    int CommittedDays,
    DeliveryLevel Level,
    int Visits,
    IReadOnlyList<ServiceMaterial> Materials,
    decimal Fee,
    IReadOnlyList<string> LifeEvents,
    bool AutoDecidable,
    bool Withdrawn,
    string? WithdrawnReason,
    int Version,
    DateTime UpdatedAt)
{
    /// <summary>The application form's fields, in order; none means the form takes free answers.</summary>
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>The review steps (审查环节) after acceptance, in order; none means the approver decides straight away.</summary>
    public IReadOnlyList<ReviewStep> ReviewSteps { get; init; } = [];

    /// <summary>How much shorter the committed limit is than the statutory one, in percent (the "compressed by" figure).</summary>
    /// <summary>容缺受理: an application missing a non-essential material may be accepted on the applicant's written promise to supply it by a date.</summary>
    public bool AcceptsOnPromise { get; init; }

    public int CompressedPercent => StatutoryDays <= 0 ? 0 : (int)Math.Round(100.0 * (StatutoryDays - CommittedDays) / StatutoryDays);
}

/// <summary>One version of an item, as it was saved.</summary>
public sealed record ServiceItemVersionEntry(int Version, string Change, DateTime ChangedAt, string ChangedBy, ServiceItemEntry Item);

/// <summary>
/// An item's fields as sent by a form, the API or an import row: text as typed, checked by the rules. Kind, level and
/// material formats are their English names (e.g. <c>AdministrativeLicensing</c>, <c>Online</c>, <c>Copy</c>).
/// </summary>
public sealed record ServiceItemInput(
    string? Code,
    string? NameZh,
    string? NameEn,
    int? UnitId,
    string? Kind,
    string? LegalBasis,
    int? StatutoryDays,
    int? CommittedDays,
    string? Level,
    int? Visits,
    IReadOnlyList<MaterialInput>? Materials,
    decimal? Fee,
    IReadOnlyList<string>? LifeEvents,
    bool? AutoDecidable)
{
    /// <summary>容缺受理: an application missing a non-essential material may be accepted on the applicant's promise to supply it.</summary>
    public bool? AcceptsOnPromise { get; init; }
    /// <summary>The application form's fields; null (not sent) keeps the item's form, an empty list removes it.</summary>
    public IReadOnlyList<FormFieldInput?>? Fields { get; init; }

    /// <summary>The review steps; null (not sent) keeps the item's steps, an empty list removes them.</summary>
    public IReadOnlyList<ReviewStepInput?>? ReviewSteps { get; init; }
}

/// <summary>A material as sent.</summary>
public sealed record MaterialInput(string? NameZh, string? NameEn, string? Format, bool? ElectronicLicence);

/// <summary>What the public catalogue is asked: a search text (Chinese or English, any length) and filters.</summary>
public sealed record CatalogueFilter(
    string? Search = null,
    int? UnitId = null,
    DeliveryLevel? Level = null,
    string? LifeEvent = null,
    bool IncludeWithdrawn = false);
