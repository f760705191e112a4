using System.Globalization;
using System.Text.RegularExpressions;

namespace Followthrough.Services.Catalogue;

/// <summary>
/// What makes an item valid, as plain rules: a code of letters, digits and dashes, both names, a known kind and level,
/// limits in working days (committed no longer than statutory), visits 0 or 1 (none for online and palm items),
/// materials with names and a form, a fee that is not negative, and short life-event tags.
/// Messages are English and are also the keys of their Chinese text (ServicesText.zh-Hans.resx).
/// </summary>
public static partial class ServiceItemRules
{
    public const int MaxCode = 40;
    public const int MaxName = 200;
    public const int MaxLegalBasis = 2000;
    public const int MaxDays = 2500;
    public const int MaxMaterials = 50;
    public const int MaxLifeEvents = 10;
    public const int MaxLifeEvent = 40;
    public const decimal MaxFee = 1_000_000m;

    public const string CodeRequired = "The code is required.";
    public const string CodeShape = "The code has letters, digits and dashes only, at most 40 characters.";
    public const string CodeTaken = "Another item already has this code.";
    public const string NameZhRequired = "The Chinese name is required, at most 200 characters.";
    public const string NameEnRequired = "The English name is required, at most 200 characters.";
    public const string UnitRequired = "The responsible unit is required.";
    public const string UnitUnknown = "There is no active unit with this id.";
    public const string KindUnknown = "The kind is one of AdministrativeLicensing, AdministrativeConfirmation, AdministrativePayment, Filing, PublicService, Other.";
    public const string LevelUnknown = "The delivery level is one of RunImmediately, Online, AtMostOnce, OnThePalm.";
    public const string LegalBasisTooLong = "The legal basis must be at most 2000 characters.";
    public const string StatutoryRange = "The statutory time limit is from 1 to 2500 working days.";
    public const string CommittedRange = "The committed time limit is from 0 (on the spot) to the statutory time limit.";
    public const string VisitsRange = "Visits are 0 or 1.";
    public const string VisitsOnline = "An item handled online or on the palm needs no visit.";
    public const string FeeRange = "The fee is from 0 to 1,000,000 yuan.";
    public const string TooManyMaterials = "At most 50 materials.";
    public const string MaterialNames = "Each material needs a Chinese and an English name, at most 200 characters.";
    public const string MaterialFormatUnknown = "A material's format is one of Original, Copy, Electronic, Form.";
    public const string LifeEventShape = "Life events are at most 10 tags of at most 40 characters, without ';'.";

    public static ServiceKind? ParseKind(string? text) => Parse<ServiceKind>(text);

    public static DeliveryLevel? ParseLevel(string? text) => Parse<DeliveryLevel>(text);

    public static MaterialFormat? ParseFormat(string? text) => Parse<MaterialFormat>(text);

    /// <summary>Checks every field and returns the item's values when all are valid (null otherwise, with the errors).</summary>
    internal static CheckedItem? Check(ServiceItemInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var code = input.Code?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            errors.Add("code", CodeRequired);
        }
        else if (code.Length > MaxCode || !CodeShapeRegex().IsMatch(code))
        {
            errors.Add("code", CodeShape);
        }

        var nameZh = Name(input.NameZh, "nameZh", NameZhRequired, errors);
        var nameEn = Name(input.NameEn, "nameEn", NameEnRequired, errors);
        if (input.UnitId is null or < 1)
        {
            errors.Add("unitId", UnitRequired);
        }

        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add("kind", KindUnknown);
        }

        var level = ParseLevel(input.Level);
        if (level is null)
        {
            errors.Add("level", LevelUnknown);
        }

        var legalBasis = input.LegalBasis?.Trim() ?? string.Empty;
        if (legalBasis.Length > MaxLegalBasis)
        {
            errors.Add("legalBasis", LegalBasisTooLong);
        }

        if (input.StatutoryDays is not (>= 1 and <= MaxDays))
        {
            errors.Add("statutoryDays", StatutoryRange);
        }

        if (input.CommittedDays is not { } committed || committed < 0 || (input.StatutoryDays is { } statutory && committed > statutory))
        {
            errors.Add("committedDays", CommittedRange);
        }

        if (input.Visits is not (0 or 1))
        {
            errors.Add("visits", VisitsRange);
        }
        else if (input.Visits == 1 && level is DeliveryLevel.Online or DeliveryLevel.OnThePalm)
        {
            errors.Add("visits", VisitsOnline);
        }

        if (input.Fee is not (>= 0 and <= MaxFee))
        {
            errors.Add("fee", FeeRange);
        }

        var materials = Materials(input.Materials ?? [], errors);
        var lifeEvents = LifeEvents(input.LifeEvents ?? [], errors);
        var fields = FormFieldRules.Check(input.Fields, errors);
        var reviewSteps = ReviewStepRules.Check(input.ReviewSteps, input.CommittedDays is >= 0 ? input.CommittedDays : null, errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        return new CheckedItem(
            code, nameZh, nameEn, input.UnitId!.Value, kind!.Value, legalBasis, input.StatutoryDays!.Value, input.CommittedDays!.Value,
            level!.Value, input.Visits!.Value, materials, input.Fee!.Value, lifeEvents, input.AutoDecidable ?? false)
        {
            AcceptsOnPromise = input.AcceptsOnPromise,
            Fields = fields,
            ReviewSteps = reviewSteps,
        };
    }

    /// <summary>Life-event tags as stored: <c>;a;b;</c>, or empty.</summary>
    internal static string StoreLifeEvents(IReadOnlyList<string> tags) => tags.Count == 0 ? string.Empty : ";" + string.Join(';', tags) + ";";

    internal static IReadOnlyList<string> ReadLifeEvents(string stored) => stored.Split(';', StringSplitOptions.RemoveEmptyEntries);

    internal static string SearchText(string code, string nameZh, string nameEn) =>
        string.Join(' ', code, nameZh, nameEn).ToLowerInvariant();

    private static string Name(string? value, string field, string message, ValidationErrors errors)
    {
        var name = value?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxName)
        {
            errors.Add(field, message);
        }

        return name;
    }

    private static List<ServiceMaterial> Materials(IReadOnlyList<MaterialInput> inputs, ValidationErrors errors)
    {
        var materials = new List<ServiceMaterial>();
        if (inputs.Count > MaxMaterials)
        {
            errors.Add("materials", TooManyMaterials);
            return materials;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var m = inputs[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"materials[{i}]");
            var zh = m?.NameZh?.Trim() ?? string.Empty;
            var en = m?.NameEn?.Trim() ?? string.Empty;
            if (zh.Length is 0 or > MaxName || en.Length is 0 or > MaxName)
            {
                errors.Add(field, MaterialNames);
            }

            var format = ParseFormat(m?.Format);
            if (format is null)
            {
                errors.Add(field, MaterialFormatUnknown);
            }
            else
            {
                materials.Add(new ServiceMaterial(zh, en, format.Value, m!.ElectronicLicence ?? false));
            }
        }

        return materials;
    }

    private static List<string> LifeEvents(IReadOnlyList<string> inputs, ValidationErrors errors)
    {
        var tags = inputs.Select(t => t?.Trim() ?? string.Empty).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > MaxLifeEvents || tags.Any(t => t.Length > MaxLifeEvent || t.Contains(';', StringComparison.Ordinal)))
        {
            errors.Add("lifeEvents", LifeEventShape);
        }

        return tags;
    }

    private static T? Parse<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex CodeShapeRegex();
}

/// <summary>An item's values after the rules passed.</summary>
internal sealed record CheckedItem(
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
    bool AutoDecidable)
{
    /// <summary>容缺受理 allowed; null when not sent (an import, an API client that does not know it), which keeps the
    /// item's as it is (a new item: not allowed).</summary>
    public bool? AcceptsOnPromise { get; init; }

    /// <summary>The form's fields; null when none were sent, which keeps the item's form as it is.</summary>
    public IReadOnlyList<FormField>? Fields { get; init; }

    /// <summary>The review steps; null when none were sent, which keeps the item's steps as they are.</summary>
    public IReadOnlyList<ReviewStep>? ReviewSteps { get; init; }
}
