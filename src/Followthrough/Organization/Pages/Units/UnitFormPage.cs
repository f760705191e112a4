using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.Units;

/// <summary>What the new-unit and edit-unit pages share: the fields, the pick lists and the error handling.</summary>
internal abstract class UnitFormPage(UnitService units, CurrentUser me, IStringLocalizer<OrganizationText> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public int? ParentId { get; set; }

    /// <summary>One alias per line.</summary>
    [BindProperty]
    public string? Aliases { get; set; }

    public FormErrors Errors { get; protected set; } = FormErrors.None;

    /// <summary>Set when the record changed while the form was open: the input is kept, nothing was saved.</summary>
    public string? StaleMessage { get; protected set; }

    public IReadOnlyList<UnitOption> ParentOptions { get; private set; } = [];

    /// <summary>The unit being edited; null on the new-unit page.</summary>
    public virtual int? EditedId => null;

    /// <summary>The version the form is based on (edit only).</summary>
    public virtual int? FormVersion => null;

    protected UnitService Units => units;

    protected IStringLocalizer<OrganizationText> Text => text;

    protected IActionResult? Denied() => PageGate.Check(this, me, OrganizationPermissions.CanManageUnits);

    protected UnitInput Input() =>
        new(Code, NameZh, NameEn, Kind, ParentId, null, (Aliases ?? string.Empty).Split('\n'));

    protected async Task LoadOptionsAsync() =>
        ParentOptions = await UnitOption.ListAsync(units, keepId: ParentId, leaveOutId: EditedId, HttpContext.RequestAborted);

    /// <summary>Shows what the service refused; true when the page should be shown again.</summary>
    protected bool Show(Outcome<Unit> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Errors is { } errors)
        {
            Errors = FormErrors.From(errors, text);
            return true;
        }

        return false;
    }
}
