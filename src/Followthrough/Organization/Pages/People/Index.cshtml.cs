using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Organization.Pages.People;

internal sealed class IndexModel(PersonService people, UnitService units, CurrentUser me) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page number ("p": Razor Pages keeps "page" for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<Person> People { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<int, Unit> UnitsById { get; private set; } = new Dictionary<int, Unit>();

    public IReadOnlyList<UnitOption> UnitOptions { get; private set; } = [];

    public bool CanManage => OrganizationPermissions.CanManagePeople(me);

    /// <summary>Unit staff see their own unit's people only, so the unit filter is not offered to them.</summary>
    public bool SeesEveryone => OrganizationPermissions.CanReadAllPeople(me);

    public int PageCount => Math.Max(1, (People.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, OrganizationPermissions.CanListPeople) is { } denied)
        {
            return denied;
        }

        var cancellationToken = HttpContext.RequestAborted;
        Status = Status is "inactive" or "all" ? Status : "active";
        var filter = new PersonFilter(Q, UnitId, PersonRules.ParseRole(Role), PageAccess.ActiveFilter(Status));
        People = await people.ListAsync(filter, new PageRequest(Math.Max(1, PageNumber), PageSize), me, cancellationToken);
        UnitsById = await units.ByIdsAsync(People.Items.Select(p => p.UnitId), cancellationToken);
        if (SeesEveryone)
        {
            UnitOptions = await UnitOption.ListAsync(units, keepId: UnitId, cancellationToken: cancellationToken);
        }

        return Page();
    }

    public string PageLink(int number) => Units.IndexModel.QueryStringLink(
        "/people",
        ("q", Q),
        ("unitId", UnitId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("role", Role),
        ("status", Status),
        ("p", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
