using Followthrough.Services.Catalogue;
using Followthrough.Services.Rules;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Services.Pages;

/// <summary>An item's auto-approval rules (秒批): read them, change the lines (a new rule version), switch automation off and on.</summary>
internal sealed class RulesModel(ServiceCatalogue catalogue, AutoApproval rules, CurrentUser me, IStringLocalizer<ServicesText> text) : PageModel
{
    /// <summary>Blank lines offered below the existing ones for new conditions.</summary>
    public const int SpareLines = 2;

    public ServiceItemEntry Item { get; private set; } = null!;

    public RuleSetEntry? Set { get; private set; }

    [BindProperty]
    public List<RuleLineInput> Lines { get; set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    public ServiceFormErrors Errors { get; private set; } = ServiceFormErrors.None;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        Lines = [.. (Set?.Lines ?? []).Select(l => new RuleLineInput(l.Expression, l.ExplanationZh, l.ExplanationEn, l.RefusesWhenFalse))];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        var lines = Lines.Where(l => !string.IsNullOrWhiteSpace(l.Expression) || !string.IsNullOrWhiteSpace(l.ExplanationZh) || !string.IsNullOrWhiteSpace(l.ExplanationEn)).ToList();
        Lines = lines;
        var outcome = await rules.SaveAsync(me, id, [.. lines], Version, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/services/manage/items/{id}/rules");
        }

        Answer(outcome);
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostSwitchAsync(int id, bool on)
    {
        if (await LoadAsync(id) is { } denied)
        {
            return denied;
        }

        var outcome = await rules.SwitchAsync(me, id, on, Version ?? 0, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/services/manage/items/{id}/rules");
        }

        Answer(outcome);
        Lines = [.. (Set?.Lines ?? []).Select(l => new RuleLineInput(l.Expression, l.ExplanationZh, l.ExplanationEn, l.RefusesWhenFalse))];
        Pad();
        return Page();
    }

    private void Answer(Outcome<RuleSetEntry> outcome)
    {
        if (outcome.Errors is { } errors)
        {
            Errors = ServiceFormErrors.From(errors, text);
        }
        else
        {
            Problem = outcome.Kind == OutcomeKind.Stale
                ? text["Someone changed the rules while you were reading them. Here they are as they stand now."]
                : text[outcome.Reason ?? "The rules cannot be changed now."];
        }
    }

    private void Pad()
    {
        for (var i = 0; i < SpareLines; i++)
        {
            Lines.Add(new RuleLineInput(null, null, null, false));
        }
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        if (await catalogue.GetAsync(id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Set = await rules.GetAsync(id, HttpContext.RequestAborted);
        Version ??= Set?.Version;
        return null;
    }
}
