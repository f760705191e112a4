using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>Who in each unit with services is a window officer and who an approver; kept by administrators and the supervision office.</summary>
internal sealed class DutiesModel(UnitDuties duties, ServiceCatalogue units, OrganizationDirectory directory, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    public IReadOnlyList<ServiceDutyEntry> Duties { get; private set; } = [];

    public IReadOnlyList<UnitEntry> Units { get; private set; } = [];

    public IReadOnlyList<PersonEntry> Staff { get; private set; } = [];

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

    public string? Problem { get; private set; }

    [BindProperty]
    public int? PersonId { get; set; }

    [BindProperty]
    public ServiceDuty? Duty { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanKeepDuties) is { } denied)
        {
            return denied;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanKeepDuties) is { } denied)
        {
            return denied;
        }

        var person = PersonId is { } id ? await directory.PersonAsync(id, HttpContext.RequestAborted) : null;
        var outcome = await duties.AssignAsync(me, new DutyInput(person?.UnitId, PersonId, Duty), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect("/services/duties");
        }

        if (outcome.Errors is { } errors)
        {
            Errors = ServiceFormErrors.From(errors, text);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanKeepDuties) is { } denied)
        {
            return denied;
        }

        var outcome = await duties.RemoveAsync(me, id, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect("/services/duties");
        }

        Problem = text["The duty was already removed."];
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Duties = await duties.ListAsync(null, HttpContext.RequestAborted);
        var inUse = await units.UnitIdsInUseAsync(HttpContext.RequestAborted);
        Units = [.. (await directory.UnitsAsync(activeOnly: true, HttpContext.RequestAborted)).Where(u => inUse.Contains(u.Id) || Duties.Any(d => d.UnitId == u.Id))];
        var ids = Units.Select(u => u.Id).ToHashSet();
        Staff = [.. (await directory.ActivePeopleAsync(Role.UnitStaff, HttpContext.RequestAborted)).Where(p => p.UnitId is { } u && ids.Contains(u))];
    }
}
