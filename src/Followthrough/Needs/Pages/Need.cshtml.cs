using Followthrough.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Needs.Pages;

/// <summary>One need: where it stands, what happens next and by when, the answer, its history, and the steps the reader
/// may take (hand on, dispatch, answer, the callback).</summary>
internal sealed class NeedModel(EnterpriseNeeds needs, OrganizationDirectory directory, CurrentUser me, IStringLocalizer<NeedsText> text) : PageModel
{
    public NeedEntry Need { get; private set; } = null!;

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    /// <summary>The government units a need may go to, for the hand-on and dispatch forms.</summary>
    public IReadOnlyList<UnitEntry> Choices { get; private set; } = [];

    public NeedFormErrors Errors { get; private set; } = NeedFormErrors.None;

    public string? Problem { get; private set; }

    /// <summary>The form that was sent, to show its errors beside it.</summary>
    public NeedAction? Sent { get; private set; }

    [BindProperty]
    public int? UnitId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public int? LeadUnitId { get; set; }

    [BindProperty]
    public List<int> CoUnitIds { get; set; } = [];

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public Satisfaction? Satisfaction { get; set; }

    public string UnitName(int? id) => id is { } unit && Units.TryGetValue(unit, out var u) ? u.DisplayName(System.Globalization.CultureInfo.CurrentUICulture) : string.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, NeedAction step, int version)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var input = new NeedStepInput(UnitId, Note, LeadUnitId, CoUnitIds, Answer, Satisfaction);
        var outcome = await needs.TakeStepAsync(me, id, step, input, version, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/needs/{id}");
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Sent = step;
        if (outcome.Errors is { } errors)
        {
            Errors = NeedFormErrors.From(errors, text);
        }
        else
        {
            Problem = outcome.Kind == OutcomeKind.Stale
                ? text["Someone changed the need while you were reading it. Here it is as it stands now."]
                : text[outcome.Reason ?? "This step cannot be taken now."];
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var found = await needs.GetAsync(me, id, HttpContext.RequestAborted);
        if (!found.IsDone)
        {
            return false;
        }

        Need = found.Value!;
        var named = new[] { (int?)Need.FirstUnitId, Need.ResponsibleUnitId, Need.LeadUnitId }.Concat(Need.Steps.Select(s => s.UnitId)).Concat(Need.CoUnitIds.Select(c => (int?)c));
        Units = await directory.UnitsAsync(named.OfType<int>().Distinct(), HttpContext.RequestAborted);
        if (Need.Allowed.Any(a => a is NeedAction.HandOn or NeedAction.Dispatch))
        {
            Choices = [.. (await directory.UnitsAsync(activeOnly: true, HttpContext.RequestAborted)).Where(NeedRules.IsGovernmentUnit)];
        }

        return true;
    }
}
