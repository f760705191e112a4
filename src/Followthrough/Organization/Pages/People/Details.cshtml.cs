using Followthrough.Web;
using Followthrough.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Organization.Pages.People;

internal sealed class DetailsModel(
    PersonService people, UnitService units, IPersonSignIns accounts, AuditTrail trail, CurrentUser me, IStringLocalizer<OrganizationText> text) : PageModel
{
    public Person Person { get; private set; } = null!;

    public Unit? Unit { get; private set; }

    /// <summary>The sign-in's user name; shown to administrators only.</summary>
    public string? UserName { get; private set; }

    public IReadOnlyList<AuditHistoryEntry> History { get; private set; } = [];

    public bool CanManage => OrganizationPermissions.CanManagePeople(me);

    public bool CanManageSignIn => OrganizationPermissions.CanManageSignIns(me);

    public string? Refusal { get; private set; }

    public FormErrors SignInErrors { get; private set; } = FormErrors.None;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? NewUserName { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (PageGate.Check(this, me, _ => true) is { } denied)
        {
            return denied;
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id) => ChangeStateAsync(id, active: false);

    public Task<IActionResult> OnPostReactivateAsync(int id) => ChangeStateAsync(id, active: true);

    public async Task<IActionResult> OnPostCreateSignInAsync(int id)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanManageSignIns) is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (UserName is not null)
        {
            Refusal = text[OrganizationMessages.AlreadyHasSignIn];
            return Page();
        }

        var errors = accounts.Check(NewUserName, NewPassword);
        if (errors.IsEmpty)
        {
            try
            {
                if (await accounts.CreateAsync(id, NewUserName!, NewPassword!, HttpContext.RequestAborted) is { } problem)
                {
                    errors.Add("userName", SignIns.Reword(problem));
                }
            }
            catch (DbUpdateException)
            {
                errors.Add("userName", OrganizationMessages.UserNameTaken);
            }
        }

        if (!errors.IsEmpty)
        {
            SignInErrors = FormErrors.From(errors, text);
            NewPassword = null;
            return Page();
        }

        return LocalRedirect($"/people/{id}?done=sign-in-created");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(int id)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanManageSignIns) is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (UserName is null)
        {
            Refusal = text[OrganizationMessages.NoSignIn];
            return Page();
        }

        if (await accounts.SetPasswordAsync(UserName, NewPassword ?? string.Empty, HttpContext.RequestAborted) is { } problem)
        {
            var errors = new ValidationErrors();
            errors.Add("password", problem);
            SignInErrors = FormErrors.From(errors, text);
            NewPassword = null;
            return Page();
        }

        return LocalRedirect($"/people/{id}?done=password-set");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(int id)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanManageSignIns) is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!await accounts.EndSessionsAsync(id, "sessions-ended", HttpContext.RequestAborted))
        {
            Refusal = text[OrganizationMessages.NoSignIn];
            return Page();
        }

        return LocalRedirect($"/people/{id}?done=sessions-ended");
    }

    private async Task<IActionResult> ChangeStateAsync(int id, bool active)
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanManagePeople) is { } denied)
        {
            return denied;
        }

        var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim()[..Math.Min(Comment.Trim().Length, 1000)];
        var outcome = await people.SetActiveAsync(id, active, Version, comment, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return LocalRedirect($"/people/{id}?done={(active ? "reactivated" : "deactivated")}");
        }

        if (outcome is { Kind: OutcomeKind.NotFound })
        {
            return NotFound();
        }

        Refusal = text[outcome.Reason!];
        Done = null;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    /// <summary>False when there is no such person, or the reader may not see them (which must not be revealed).</summary>
    private async Task<bool> LoadAsync(int id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null || !OrganizationPermissions.CanReadPerson(me, person))
        {
            return false;
        }

        Person = person;
        Unit = person.UnitId is { } unitId ? await units.FindAsync(unitId, cancellationToken) : null;
        if (CanManageSignIn)
        {
            UserName = (await accounts.UserNamesAsync([id], cancellationToken)).GetValueOrDefault(id);
        }

        History = await trail.HistoryAsync("people", id, cancellationToken);
        return true;
    }
}
