using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.Units;

internal sealed class NewModel(UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text) : UnitFormPage(units, me, text)
{
    public async Task<IActionResult> OnGetAsync(int? parentId)
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        ParentId = parentId;
        Kind = nameof(UnitKind.Bureau);
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var outcome = await Units.CreateAsync(Input(), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/units/{outcome.Value!.Id}?done=saved");
        }

        Show(outcome);
        await LoadOptionsAsync();
        return Page();
    }
}
