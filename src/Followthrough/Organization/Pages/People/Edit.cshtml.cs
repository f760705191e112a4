using Followthrough.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.People;

internal sealed class EditModel(PersonService people, UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text)
    : PersonFormPage(people, units, me, text)
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

        var person = await People.FindAsync(Id, HttpContext.RequestAborted);
        if (person is null)
        {
            return NotFound();
        }

        (NameZh, NameEn, Title, Role, UnitId) = (person.NameZh, person.NameEn, person.Title, person.Role.ToString(), person.UnitId);
        (Email, Phone, Version) = (person.Email, person.Phone, person.Version);
        await LoadOptionsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Denied() is { } denied)
        {
            return denied;
        }

        var outcome = await People.UpdateAsync(Id, Input(), Version, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/people/{Id}?done=saved");
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
