using System.Globalization;
using System.Text.Json;
using Followthrough.Services.Catalogue;

namespace Followthrough.Services.Applications;

/// <summary>
/// 容缺受理: where the item's version allows it, an application missing a non-essential material is accepted on the
/// applicant's written promise to supply it by a date; the approver may not approve while the promise is outstanding.
/// </summary>
internal static class ApplicationPromises
{
    public const string Outstanding =
        "The applicant has not yet supplied the materials promised at acceptance (容缺受理): the application cannot be approved until they are marked supplied.";

    public const string NotAllowed = "This item does not allow acceptance on a promise to supply missing materials later (容缺受理).";
    public const string MissingRequired = "List each promised material, one per line (1 to 30, each at most 2000 characters).";
    public const string DateRequired = "Give the date by which the applicant promises to supply the materials: after today.";

    /// <summary>The promise as it will be kept: the materials and the date; null with errors when it is not acceptable.</summary>
    public static (List<string> Missing, DateOnly By)? Check(PromiseInput promise, ServiceItemVersionEntry? version, DateOnly today, ValidationErrors errors)
    {
        if (version?.Item.AcceptsOnPromise != true)
        {
            errors.Add("promise", NotAllowed);
            return null;
        }

        var missing = (promise.Missing ?? []).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.Trim()).ToList();
        if (missing.Count is 0 or > ApplicationRules.MaxMissing || missing.Any(m => m.Length > ApplicationRules.MaxText))
        {
            errors.Add("promise.missing", MissingRequired);
        }

        if (promise.By is not { } by || by <= today)
        {
            errors.Add("promise.by", DateRequired);
        }

        return errors.IsEmpty ? (missing, promise.By!.Value) : null;
    }

    public static void Apply(ServiceApplication application, (List<string> Missing, DateOnly By)? promise)
    {
        if (promise is { } p)
        {
            application.Promised = JsonSerializer.Serialize(p.Missing, ServiceCatalogue.Json);
            application.PromisedBy = p.By;
        }
    }

    /// <summary>The history's note: the date and what was promised.</summary>
    public static string Note((List<string> Missing, DateOnly By) promise) =>
        "容缺受理 → " + promise.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\n" + string.Join("\n", promise.Missing);
}
