using System.Globalization;
using Followthrough.Services.Figures;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Pages;

/// <summary>A month's service figures per unit (办件统计), for the government's staff: this month unless another is asked.</summary>
internal sealed class FiguresModel(ServiceFigures figures, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public ServiceMonth? Figures { get; private set; }

    public string? MonthError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanReadFigures) is { } denied)
        {
            return denied;
        }

        Month = string.IsNullOrWhiteSpace(Month) ? ChinaClock.Today(TimeProvider.System).ToString("yyyy-MM", CultureInfo.InvariantCulture) : Month.Trim();
        var outcome = await figures.MonthAsync(me, Month, HttpContext.RequestAborted);
        if (outcome.IsDone)
        {
            Figures = outcome.Value;
        }
        else
        {
            MonthError = outcome.Errors?.ToDictionary().SelectMany(e => e.Value).FirstOrDefault();
        }

        return Page();
    }
}
