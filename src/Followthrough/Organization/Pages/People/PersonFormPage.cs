using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.People;

/// <summary>What the new-person and edit-person pages share: the fields, the unit list and the error handling.</summary>
internal abstract class PersonFormPage(PersonService people, UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text) : PageModel
{
    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public FormErrors Errors { get; protected set; } = FormErrors.None;

    public string? StaleMessage { get; protected set; }

    public IReadOnlyList<UnitOption> UnitOptions { get; private set; } = [];

    /// <summary>The person being edited; null on the new-person page.</summary>
    public virtual int? EditedId => null;

    /// <summary>The version the form is based on (edit only).</summary>
    public virtual int? FormVersion => null;

    protected PersonService People => people;

    protected IStringLocalizer<OrganizationText> Text => text;

    protected IActionResult? Denied() => PageGate.Check(this, me, OrganizationPermissions.CanManagePeople);

    protected PersonInput Input() => new(NameZh, NameEn, Title, Role, UnitId, null, Email, Phone);

    protected async Task LoadOptionsAsync() =>
        UnitOptions = await UnitOption.ListAsync(units, keepId: UnitId, cancellationToken: HttpContext.RequestAborted);

    protected void Show(Outcome<Person> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors is { } errors)
        {
            Errors = FormErrors.From(errors, text);
        }
    }
}
