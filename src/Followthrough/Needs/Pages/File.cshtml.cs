using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Needs.Pages;

/// <summary>Filing a need: the enterprise's own form online (choosing the unit that receives it), or a unit's staff
/// recording one after visiting an enterprise (naming the enterprise's account; their unit receives it).</summary>
internal sealed class FileModel(EnterpriseNeeds needs, OrganizationDirectory directory, CurrentUser me, IStringLocalizer<NeedsText> text) : PageModel
{
    [BindProperty]
    public NeedCategory? Category { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public bool PublishConsent { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public int? EnterprisePersonId { get; set; }

    public bool AfterVisit => NeedsPermissions.CanRecordVisit(me);

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public IReadOnlyList<PersonEntry> Enterprises { get; private set; } = [];

    public IReadOnlyDictionary<int, UnitEntry> Companies { get; private set; } = new Dictionary<int, UnitEntry>();

    public NeedFormErrors Errors { get; private set; } = NeedFormErrors.None;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Gate() is { } denied)
        {
            return denied;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Gate() is { } denied)
        {
            return denied;
        }

        var filed = await needs.FileAsync(me, new NeedInput(Category, Title, Details, PublishConsent, UnitId, EnterprisePersonId), HttpContext.RequestAborted);
        if (filed.IsDone)
        {
            return Redirect($"/needs/{filed.Value!.Id}");
        }

        if (filed.Errors is { } errors)
        {
            Errors = NeedFormErrors.From(errors, text);
        }
        else
        {
            Problem = text[filed.Reason ?? NeedRules.NotAFiler];
        }

        await LoadAsync();
        return Page();
    }

    private IActionResult? Gate()
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        return NeedsPermissions.CanFileOwn(me) || NeedsPermissions.CanRecordVisit(me) ? null : StatusCode(403);
    }

    private async Task LoadAsync()
    {
        Units = [.. (await directory.UnitsAsync(activeOnly: true, HttpContext.RequestAborted)).Where(NeedRules.IsGovernmentUnit)];
        if (AfterVisit)
        {
            Enterprises = await directory.ActivePeopleAsync(Role.Enterprise, HttpContext.RequestAborted);
            Companies = await directory.UnitsAsync(Enterprises.Select(e => e.UnitId).OfType<int>().Distinct(), HttpContext.RequestAborted);
        }
    }
}
