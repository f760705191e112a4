using Followthrough.Accounts;
using Followthrough.Plans.Api;
using Followthrough.Plans.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Followthrough.Plans.Pages;

/// <summary>Uploading a plan file: every problem is listed with its sheet, row and column, and nothing is written until there are none.</summary>
internal sealed class ImportModel(PlanImporter importer, CurrentUser user) : PlanPage(user)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool CheckOnly { get; set; }

    public ImportOutcome? Outcome { get; private set; }

    public string? FileError { get; private set; }

    public string? FileName { get; private set; }

    public IActionResult OnGet() => RefuseUnlessEditor() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (RefuseUnlessEditor() is { } refusal)
        {
            return refusal;
        }

        if (Upload is not { Length: > 0 } file)
        {
            FileError = "Choose a .csv or .xlsx file.";
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        Outcome = await importer.ImportAsync(buffer.ToArray(), file.FileName, FileEndpoints.ForUser(Me, CheckOnly), cancellationToken);
        return Page();
    }

    private IActionResult? RefuseUnlessEditor() =>
        RefuseUnlessReader() ?? (PlanPermissions.CanEditPlans(Me) ? null : Forbid());
}
