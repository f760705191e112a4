using Followthrough.Accounts;
using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Followthrough.Tasks.Pages;

/// <summary>Import a task-decomposition table: check it whole (optionally only check), then create the drafts.</summary>
[RequestSizeLimit(TaskListsApi.MaxImportBytes + (1024 * 1024))]
internal sealed class ImportModel(DecompositionImport import, CurrentUser me, IStringLocalizer<TasksText> text) : PageModel
{
    [BindProperty]
    public IFormFile? Table { get; set; }

    [BindProperty]
    public OriginKind OriginKind { get; set; } = OriginKind.Directive;

    [BindProperty]
    public string? OriginReference { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public ImportReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() => PageGate.Check(this, me, TaskPermissions.CanManageTasks) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PageGate.Check(this, me, TaskPermissions.CanManageTasks) is { } denied)
        {
            return denied;
        }

        if (Table is null || Table.Length == 0)
        {
            Problem = text["Choose the decomposition table (.xlsx or .csv) to import."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Table.Length > TaskListsApi.MaxImportBytes)
        {
            Problem = text["The table is larger than 10 MB."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using var buffer = new MemoryStream();
        await Table.CopyToAsync(buffer, HttpContext.RequestAborted);
        var reference = string.IsNullOrWhiteSpace(OriginReference) ? null : OriginReference.Trim();
        Report = await import.ImportAsync(Table.FileName, buffer.ToArray(), new ImportSource(OriginKind, reference), me.PersonId, DryRun, HttpContext.RequestAborted);
        if (!Report.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
