using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Organization.Pages.Units;

internal sealed class IndexModel(UnitService units, CurrentUser me) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page number ("p": Razor Pages keeps "page" for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<UnitDto> Units { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<int, Unit> Parents { get; private set; } = new Dictionary<int, Unit>();

    public bool CanManage => OrganizationPermissions.CanManageUnits(me);

    public int PageCount => Math.Max(1, (Units.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanReadUnits) is { } denied)
        {
            return denied;
        }

        var kind = UnitRules.ParseKind(Kind);
        Status = Status is "inactive" or "all" ? Status : "active";
        var request = new PageRequest(Math.Max(1, PageNumber), PageSize);
        Units = await units.ListAsync(new UnitFilter(Q, kind, null, PageAccess.ActiveFilter(Status)), request, HttpContext.RequestAborted);
        Parents = await units.ByIdsAsync(Units.Items.Select(u => u.ParentId), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The address of another page of the same list.</summary>
    public string PageLink(int number) =>
        QueryStringLink("/units", ("q", Q), ("kind", Kind), ("status", Status), ("p", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static string QueryStringLink(string path, params (string Name, string? Value)[] parameters) =>
        path + Microsoft.AspNetCore.Http.QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => KeyValuePair.Create(p.Name, p.Value)));
}
