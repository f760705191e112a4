using System.Globalization;
using Followthrough.Audit;
using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>Add a service, change it (a new version) or withdraw it: the catalogue's maintainers only.</summary>
internal sealed class EditItemModel(
    ServiceCatalogue catalogue, OrganizationDirectory directory, AuditTrail trail, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameZh { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public int? StatutoryDays { get; set; }
    [BindProperty] public int? CommittedDays { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public int? Visits { get; set; }
    [BindProperty] public decimal? Fee { get; set; }
    [BindProperty] public bool AutoDecidable { get; set; }

    [BindProperty] public bool AcceptsOnPromise { get; set; }

    /// <summary>One material a line: Chinese name | English name | form | yes when an electronic licence can replace it.</summary>
    [BindProperty] public string? Materials { get; set; }

    /// <summary>The application form, one field a line (<see cref="FormFieldsText"/>).</summary>
    [BindProperty] public string? Fields { get; set; }

    /// <summary>The review steps, one a line (<see cref="ReviewStepsText"/>).</summary>
    [BindProperty] public string? ReviewSteps { get; set; }

    /// <summary>Life-event tags separated by ; or a new line.</summary>
    [BindProperty] public string? LifeEvents { get; set; }

    [BindProperty] public int Version { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public int? Id { get; private set; }

    public bool Withdrawn { get; private set; }

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

    public string? Problem { get; private set; }

    public IReadOnlyList<UnitEntry> UnitOptions { get; private set; } = [];

    /// <summary>The item's audit trail, oldest first: who changed it, when, and why.</summary>
    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        Id = id;
        if (id is { } existing)
        {
            if (await catalogue.GetAsync(existing, HttpContext.RequestAborted) is not { } item)
            {
                return NotFound();
            }

            Fill(item);
        }
        else
        {
            (Kind, Level, StatutoryDays, CommittedDays, Visits, Fee) = (nameof(ServiceKind.AdministrativeLicensing), nameof(DeliveryLevel.Online), 20, 5, 0, 0m);
        }

        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        Id = id;
        var input = new ServiceItemInput(
            Code, NameZh, NameEn, UnitId, Kind, LegalBasis, StatutoryDays, CommittedDays, Level, Visits, ParseMaterials(Materials), Fee,
            (LifeEvents ?? string.Empty).Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), AutoDecidable)
        {
            AcceptsOnPromise = AcceptsOnPromise,
            Fields = FormFieldsText.Parse(Fields),
            ReviewSteps = ReviewStepsText.Parse(ReviewSteps),
        };
        var outcome = id is { } existing
            ? await catalogue.UpdateAsync(existing, input, Version, HttpContext.RequestAborted)
            : await catalogue.CreateAsync(input, HttpContext.RequestAborted);
        return await AnswerAsync(outcome);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        Id = id;
        var outcome = await catalogue.WithdrawAsync(id, Reason, Version, HttpContext.RequestAborted);
        if (!outcome.IsDone && await catalogue.GetAsync(id, HttpContext.RequestAborted) is { } current)
        {
            var reason = Reason;
            Fill(current);
            Reason = reason;
            Version = outcome.Kind == OutcomeKind.Stale ? Version : current.Version;
        }

        return await AnswerAsync(outcome);
    }

    private async Task<IActionResult> AnswerAsync(Outcome<ServiceItemEntry> outcome)
    {
        if (outcome.IsDone)
        {
            return Redirect($"/services/items/{outcome.Value!.Id.ToString(CultureInfo.InvariantCulture)}");
        }

        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                Errors = ServiceFormErrors.From(outcome.Errors!, text);
                break;
            case OutcomeKind.Stale:
                Problem = text["Someone changed this service while you were editing it. Your input is kept; nothing was saved. Open the service in another tab to compare, then save again to replace it."];
                Version = outcome.CurrentVersion ?? Version;
                break;
            default:
                Problem = text[outcome.Reason ?? "The service cannot be changed now."];
                break;
        }

        await LoadOptionsAsync();
        return Page();
    }

    private void Fill(ServiceItemEntry item)
    {
        (Code, NameZh, NameEn, UnitId, Kind, LegalBasis) = (item.Code, item.NameZh, item.NameEn, item.UnitId, item.Kind.ToString(), item.LegalBasis);
        (StatutoryDays, CommittedDays, Level, Visits, Fee, AutoDecidable) = (item.StatutoryDays, item.CommittedDays, item.Level.ToString(), item.Visits, item.Fee, item.AutoDecidable);
        AcceptsOnPromise = item.AcceptsOnPromise;
        Materials = string.Join('\n', item.Materials.Select(m => $"{m.NameZh} | {m.NameEn} | {m.Format} | {(m.ElectronicLicence ? "yes" : "no")}"));
        LifeEvents = string.Join("; ", item.LifeEvents);
        Fields = FormFieldsText.Format(item.Fields);
        ReviewSteps = ReviewStepsText.Format(item.ReviewSteps);
        (Version, Withdrawn) = (item.Version, item.Withdrawn);
    }

    private async Task LoadOptionsAsync()
    {
        UnitOptions = [.. (await directory.UnitsAsync(activeOnly: true, HttpContext.RequestAborted)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        if (Id is { } id)
        {
            History = await trail.HistoryAsync(ServiceCatalogue.ItemsTable, id, HttpContext.RequestAborted);
        }
    }

    internal static List<MaterialInput> ParseMaterials(string? text) =>
    [
        .. (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
            var licence = Part(3)?.ToLowerInvariant() is "yes" or "是" or "true";
            return new MaterialInput(Part(0), Part(1), Part(2), licence);
        }),
    ];
}
