using Followthrough.Accounts;
using Followthrough.Web;
using Followthrough.Directives.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Directives.Pages;

/// <summary>Bring in a document, pasted or as a file; the directives are drafted at once and the review page opens.</summary>
internal sealed class NewModel(DocumentIntake intake, CurrentUser me) : PageModel
{
    [BindProperty]
    public DocumentKind? Kind { get; set; } = DocumentKind.MeetingRecord;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? IssuingBody { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IActionResult OnGet() => PageGate.Check(this, me, DocumentPermissions.CanUploadDocuments) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PageGate.Check(this, me, DocumentPermissions.CanUploadDocuments) is { } denied)
        {
            return denied;
        }

        var input = new DocumentInput { Kind = Kind, Title = Title, Date = Date, IssuingBody = IssuingBody, Text = Text };
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > DocumentFile.MaxBytes)
            {
                Errors = new Dictionary<string, string[]> { ["file"] = [$"{Path.GetFileName(Upload.FileName)} is larger than {DocumentFile.MaxBytes / (1024 * 1024)} MB."] };
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, HttpContext.RequestAborted);
            input = input with { FileName = Upload.FileName, File = buffer.ToArray() };
        }

        var result = await intake.UploadAsync(me, input, HttpContext.RequestAborted);
        if (result.Value is { } document)
        {
            return Redirect($"/documents/{document.Id}");
        }

        if (result.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Errors = result.Errors!.ToDictionary();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
