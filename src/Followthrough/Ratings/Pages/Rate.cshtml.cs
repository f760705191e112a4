using Followthrough.Ratings.Rating;
using Followthrough.Ratings.Rectification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Ratings.Pages;

/// <summary>Who the rating page is for: the applicant online, the counter tablet the unit's staff open for the applicant,
/// the hotline staff recording a rating given by phone, or someone who only reads it.</summary>
internal enum RatePageMode
{
    Applicant,
    Counter,
    Hotline,
    Reader,
}

/// <summary>Rate a decided application (一事一评), then follow the rating: the unit's reply to a bad one and the grade of its fix.</summary>
internal sealed class RateModel(ServiceRatings ratings, RatingRectifications cases, CurrentUser me, IStringLocalizer<RatingsText> text) : PageModel
{
    public RatedApplication Application { get; private set; } = null!;

    public RatingEntry? Rating { get; private set; }

    public RatePageMode Mode { get; private set; }

    public RatingFormErrors Errors { get; private set; } = RatingFormErrors.None;

    public string? Problem { get; private set; }

    [BindProperty]
    public string? Grade { get; set; }

    [BindProperty]
    public List<string> Reasons { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public bool Anonymous { get; set; }

    [BindProperty]
    public string? FixGrade { get; set; }

    [FromQuery(Name = "done")]
    public bool JustRated { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) =>
        !me.IsSignedIn ? Challenge() : await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(int id)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        var outcome = await ratings.RateAsync(me, id, new RatingInput(Grade, Reasons, Comment, RealName: !Anonymous), HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/ratings/applications/{id}/rate?done=true");
        }

        if (!await LoadAsync(id) || outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Show(outcome.Refusal);
        return Page();
    }

    public async Task<IActionResult> OnPostFixGradeAsync(int id)
    {
        if (!me.IsSignedIn || !await LoadAsync(id) || Rating is null)
        {
            return me.IsSignedIn ? NotFound() : Challenge();
        }

        var outcome = await cases.RateFixAsync(me, Rating.Id, FixGrade, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            return Redirect($"/ratings/applications/{id}/rate");
        }

        Show(outcome.Refusal);
        return Page();
    }

    private void Show(Refusal refusal)
    {
        if (refusal.Errors is { } errors)
        {
            Errors = RatingFormErrors.From(errors, text);
        }
        else
        {
            Problem = text[refusal.Reason ?? "The rating could not be saved."];
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var application = await ratings.ApplicationAsync(me, id, HttpContext.RequestAborted);
        if (application is null)
        {
            return false;
        }

        Application = application;
        var rating = await ratings.GetAsync(me, id, HttpContext.RequestAborted);
        Rating = rating.IsDone ? rating.Value : null;
        Mode = RatingsPermissions.CanRateOwn(me, application.ApplicantId) ? RatePageMode.Applicant
            : RatingsPermissions.CanOpenCounter(me, application.UnitId) ? RatePageMode.Counter
            : RatingsPermissions.CanRecordByHotline(me) ? RatePageMode.Hotline
            : RatePageMode.Reader;
        return true;
    }
}
