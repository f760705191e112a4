using System.Text.RegularExpressions;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Bundles;

/// <summary>What makes a bundle valid, its one form built from its parts, and where a filing stands. Plain C#.</summary>
internal static partial class BundleRules
{
    public const int MaxItems = 20;
    public const int MaxName = 200;
    public const int MaxDescription = 1000;

    public const string CodeShape = "The code is letters, digits and '-', at most 40 characters.";
    public const string CodeTaken = "Another bundle has this code.";
    public const string NamesRequired = "A bundle needs a Chinese and an English name, at most 200 characters.";
    public const string LifeEventRequired = "Name the life event the bundle serves (at most 200 characters).";
    public const string DescriptionTooLong = "A description has at most 1000 characters.";
    public const string TwoItemsAtLeast = "A bundle joins at least two different items of the catalogue (at most 20).";
    public const string ItemUnknown = "This item is not in the catalogue.";
    public const string ItemWithdrawn = "This item has been withdrawn and cannot be part of a bundle.";
    public const string StatusUnknown = "The status is Published or Withdrawn.";
    public const string BundleRequired = "Choose the bundle to apply for.";
    public const string BundleUnknown = "There is no such bundle.";
    public const string BundleWithdrawn = "This bundle has been withdrawn and no longer takes applications.";
    public const string PartWithdrawn = "This part's item has been withdrawn: the bundle cannot be filed until the catalogue is mended.";

    /// <summary>The values of a valid input, or null with the errors added.</summary>
    public static CheckedBundle? Check(BundleInput input, ValidationErrors errors)
    {
        var code = input.Code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", CodeShape);
        }

        var (nameZh, nameEn) = (input.NameZh?.Trim() ?? string.Empty, input.NameEn?.Trim() ?? string.Empty);
        if (nameZh.Length is 0 or > MaxName || nameEn.Length is 0 or > MaxName)
        {
            errors.Add(nameZh.Length is 0 or > MaxName ? "nameZh" : "nameEn", NamesRequired);
        }

        var lifeEvent = input.LifeEvent?.Trim() ?? string.Empty;
        if (lifeEvent.Length is 0 or > MaxName)
        {
            errors.Add("lifeEvent", LifeEventRequired);
        }

        var (descriptionZh, descriptionEn) = (input.DescriptionZh?.Trim() ?? string.Empty, input.DescriptionEn?.Trim() ?? string.Empty);
        if (descriptionZh.Length > MaxDescription || descriptionEn.Length > MaxDescription)
        {
            errors.Add("description", DescriptionTooLong);
        }

        var items = (input.ItemIds ?? []).Distinct().ToList();
        if (items.Count is < 2 or > MaxItems || items.Count != (input.ItemIds?.Count ?? 0))
        {
            errors.Add("itemIds", TwoItemsAtLeast);
        }

        BundleStatus? status = input.Status?.Trim() switch
        {
            null or "" or nameof(BundleStatus.Published) => BundleStatus.Published,
            nameof(BundleStatus.Withdrawn) => BundleStatus.Withdrawn,
            _ => null,
        };
        if (status is null)
        {
            errors.Add("status", StatusUnknown);
        }

        return errors.IsEmpty ? new CheckedBundle(code, nameZh, nameEn, lifeEvent, descriptionZh, descriptionEn, items, status!.Value) : null;
    }

    /// <summary>The one form: each field key once (the first part's field; required if any part requires it), each
    /// material name once (the electronic licence may stand in only if every part needing it allows it).</summary>
    public static BundleForm Form(IReadOnlyList<ServiceItemEntry> parts)
    {
        var fields = new List<FormField>();
        var materials = new List<(string NameZh, string NameEn, bool Licence, List<int> Parts)>();
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var field in parts[p].Fields)
            {
                var same = fields.FindIndex(f => f.Key == field.Key);
                if (same < 0)
                {
                    fields.Add(field);
                }
                else if (field.Required && !fields[same].Required)
                {
                    fields[same] = fields[same] with { Required = true };
                }
            }

            foreach (var material in parts[p].Materials)
            {
                var same = materials.FindIndex(m => Key(m.NameZh) == Key(material.NameZh));
                if (same < 0)
                {
                    materials.Add((material.NameZh, material.NameEn, material.ElectronicLicence, [p]));
                }
                else
                {
                    materials[same] = materials[same] with { Licence = materials[same].Licence && material.ElectronicLicence };
                    materials[same].Parts.Add(p);
                }
            }
        }

        return new BundleForm(fields, [.. materials.Select((m, i) => new BundleMaterial(i, m.NameZh, m.NameEn, m.Licence, m.Parts))]);
    }

    /// <summary>One material is the same as another when their Chinese names are, ignoring spaces.</summary>
    public static string Key(string nameZh) => string.Concat(nameZh.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Where a filing stands: finished when every part has ended or been decided; waiting for the applicant
    /// when a part asks for a supplement; in progress otherwise.</summary>
    public static BundleProgress Progress(IEnumerable<ApplicationState> parts)
    {
        var states = parts.ToList();
        return states.All(Decided) ? BundleProgress.Finished
            : states.Contains(ApplicationState.SupplementRequested) ? BundleProgress.WaitingForYou
            : BundleProgress.InProgress;
    }

    /// <summary>A part that needs nothing more from its unit before delivery: decided, refused or withdrawn.</summary>
    public static bool Decided(ApplicationState state) =>
        state is ApplicationState.Approved or ApplicationState.Rejected or ApplicationState.Delivered or ApplicationState.Refused or ApplicationState.Withdrawn;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();
}

/// <summary>A bundle's values once checked.</summary>
internal sealed record CheckedBundle(
    string Code, string NameZh, string NameEn, string LifeEvent, string DescriptionZh, string DescriptionEn, IReadOnlyList<int> ItemIds, BundleStatus Status);
