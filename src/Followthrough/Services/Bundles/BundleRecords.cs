using System.Text.Json.Serialization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Bundles;

/// <summary>Whether a bundle takes applications.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BundleStatus>))]
public enum BundleStatus
{
    Published,
    Withdrawn,
}

/// <summary>Where a bundle application stands for its applicant, derived from its parts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BundleProgress>))]
public enum BundleProgress
{
    /// <summary>At least one part is still with its unit.</summary>
    InProgress,

    /// <summary>A part asks the applicant for a supplement.</summary>
    WaitingForYou,

    /// <summary>Every part is decided (or ended).</summary>
    Finished,
}

/// <summary>An item of a bundle as the public reads it.</summary>
public sealed record BundleItemEntry(int Id, string Code, string NameZh, string NameEn, int UnitId, int CommittedDays, bool Withdrawn);

/// <summary>A bundle of the catalogue (一件事).</summary>
public sealed record BundleEntry(
    int Id, string Code, string NameZh, string NameEn, string LifeEvent, string DescriptionZh, string DescriptionEn,
    BundleStatus Status, IReadOnlyList<BundleItemEntry> Items, int Version, DateTime UpdatedAt);

/// <summary>A bundle as sent by a form or the API (status is Published or Withdrawn; published when not sent).</summary>
public sealed record BundleInput(
    string? Code, string? NameZh, string? NameEn, string? LifeEvent, string? DescriptionZh, string? DescriptionEn,
    IReadOnlyList<int>? ItemIds, string? Status = null);

/// <summary>A material the bundle's form asks for once, and which parts (by position) need it.</summary>
public sealed record BundleMaterial(int Position, string NameZh, string NameEn, bool ElectronicLicence, IReadOnlyList<int> Parts);

/// <summary>The one form of a bundle: the union of its parts' fields (a key asked once) and of their materials (a name asked once).</summary>
public sealed record BundleForm(IReadOnlyList<FormField> Fields, IReadOnlyList<BundleMaterial> Materials);

/// <summary>A filing of a bundle: the answers to the one form and how each material of <see cref="BundleForm.Materials"/> is given.</summary>
public sealed record BundleFilingInput(
    int? BundleId, IReadOnlyDictionary<string, string?>? Answers, IReadOnlyList<MaterialChoiceInput>? Materials, int? ApplicantId = null);

/// <summary>How one material of the bundle's form (by its position there) is given: one of the applicant's files, or the electronic licence.</summary>
public sealed record MaterialChoiceInput(int? Position, int? FileId, bool? ByLicence);

/// <summary>One part of a bundle application: the ordinary application its unit handles.</summary>
public sealed record BundlePartEntry(
    int ApplicationId, string ItemCode, string ItemNameZh, string ItemNameEn, int UnitId, ApplicationState State,
    DateOnly? CommittedDue, string? Reason, IReadOnlyList<string> Missing);

/// <summary>A bundle application as its applicant follows it: one status and each part.</summary>
public sealed record BundleApplicationEntry(
    int Id, int BundleId, string BundleCode, string NameZh, string NameEn, int ApplicantId, DateTime FiledAt,
    BundleProgress Progress, IReadOnlyList<BundlePartEntry> Parts);

/// <summary>Which bundle application an application is part of.</summary>
public sealed record BundleMembership(int BundleApplicationId, string NameZh, string NameEn);
