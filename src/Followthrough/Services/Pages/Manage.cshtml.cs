using Followthrough.Services.Catalogue;
using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Pages;

/// <summary>The catalogue's upkeep: every item (withdrawn ones too), links to add and edit, Excel export and import.</summary>
internal sealed class ManageModel(ServiceCatalogue catalogue, CatalogueTransfer transfer, CurrentUser me) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public IFormFile? Workbook { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public Paged<ServiceItemEntry> Items { get; private set; } = new([], 1, PageSize, 0);

    public CatalogueImportResult? Imported { get; private set; }

    public string? FileProblem { get; private set; }

    public int PageCount => Math.Max(1, (Items.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (PageGate.Check(this, me, ServicesPermissions.CanMaintainCatalogue) is { } denied)
        {
            return denied;
        }

        if (Workbook is null || Workbook.Length == 0)
        {
            FileProblem = "Choose the workbook (.xlsx) to import.";
        }
        else
        {
            using var buffer = new MemoryStream();
            await Workbook.CopyToAsync(buffer, HttpContext.RequestAborted);
            Imported = await transfer.ImportAsync(buffer.ToArray(), Path.GetFileName(Workbook.FileName), DryRun, HttpContext.RequestAborted);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, PageRequest.MaxPage);
        var search = Q is { Length: > 200 } ? Q[..200] : Q;
        Items = await catalogue.SearchAsync(new CatalogueFilter(search, IncludeWithdrawn: true), new PageRequest(PageNumber, PageSize), HttpContext.RequestAborted);
    }
}
