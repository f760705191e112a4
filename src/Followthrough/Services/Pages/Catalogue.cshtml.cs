using Followthrough.Organization;
using Followthrough.Services.Catalogue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Pages;

/// <summary>The public service catalogue (/services): search in Chinese or English, filter by unit, level and life
/// event. No sign-in; a plain GET form, so it works without JavaScript and every result page has its own address.</summary>
internal sealed class CatalogueModel(ServiceCatalogue catalogue, OrganizationDirectory directory) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? LifeEvent { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ServiceItemEntry> Results { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<int, UnitEntry> Units { get; private set; } = new Dictionary<int, UnitEntry>();

    public IReadOnlyList<UnitEntry> UnitOptions { get; private set; } = [];

    public IReadOnlyList<string> LifeEvents { get; private set; } = [];

    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        PageNumber = Math.Clamp(PageNumber, 1, PageRequest.MaxPage);
        var search = Q is { Length: > 200 } ? Q[..200] : Q;
        Results = await catalogue.SearchAsync(new CatalogueFilter(search, Unit, Level, LifeEvent), new PageRequest(PageNumber, PageSize), cancel);
        var units = await directory.UnitsAsync(activeOnly: false, cancel);
        Units = units.ToDictionary(u => u.Id);
        var used = await catalogue.UnitIdsInUseAsync(cancel);
        UnitOptions = [.. units.Where(u => used.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        LifeEvents = await catalogue.LifeEventsAsync(cancel);
        return Page();
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["unit"] = Unit?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["level"] = Level?.ToString(),
        ["lifeEvent"] = LifeEvent,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
