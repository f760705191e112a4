using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.Units;

internal sealed class EditModel(UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text) : UnitFormPage(units, me, text)
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public override int? EditedId => Id;

    public override int? FormVersion => Version;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var unit = await Units.FindAsync(Id, HttpContext.RequestAborted);
        if (unit is null)
        {
            return NotFound();
        }

        (Code, NameZh, NameEn, Kind, ParentId, Version) = (unit.Code, unit.NameZh, unit.NameEn, unit.Kind.ToString(), unit.ParentId, unit.Version);
        Aliases = unit.Aliases;
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var outcome = await Units.UpdateAsync(Id, Input(), Version, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/units/{Id}?done=saved");
        }

        if (outcome is { Kind: OutcomeKind.NotFound })
        {
            return NotFound();
        }

        if (outcome is { Kind: OutcomeKind.Stale, CurrentVersion: { } current })
        {
            // Keep what the person typed; saving again now knowingly replaces the other change.
            StaleMessage = Text[OrganizationMessages.Stale];
            Version = current;
        }

        Show(outcome);
        await LoadOptionsAsync();
        return Page();
    }
}
