using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.People;

internal sealed class NewModel(PersonService people, UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text)
    : PersonFormPage(people, units, me, text)
{
    public async Task<IActionResult> OnGetAsync(int? unitId)
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        UnitId = unitId;
        Role = nameof(Kernel.Role.UnitStaff);
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var outcome = await People.CreateAsync(Input(), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/people/{outcome.Value!.Id}?done=saved");
        }

        Show(outcome);
        await LoadOptionsAsync();
        return Page();
    }
}
