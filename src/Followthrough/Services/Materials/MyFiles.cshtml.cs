using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Services.Materials;

/// <summary>"My files": the materials an enterprise or citizen uploaded, to give again with later applications, and the upload form.</summary>
[RequestSizeLimit(MaterialCheck.MaxUploadRequestBytes)]
internal sealed class MyFilesModel(ApplicantMaterials materials, CurrentUser me) : PageModel
{
    public IReadOnlyList<MaterialFileEntry> Files { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (!ServicesPermissions.CanApply(me))
        {
            return NotFound();
        }

        Saved = saved;
        Files = await materials.MineAsync(me, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (!me.IsSignedIn)
        {
            return Challenge();
        }

        if (!ServicesPermissions.CanApply(me))
        {
            return NotFound();
        }

        if (file is null)
        {
            Problem = "Choose a file to upload.";
        }
        else
        {
            var content = await MaterialCheck.ReadAsync(file, HttpContext.RequestAborted);
            var outcome = await materials.UploadAsync(me, null, file.FileName, content, HttpContext.RequestAborted);
            if (outcome.IsDone)
            {
                return Redirect("/services/materials?saved=true");
            }

            Problem = outcome.Errors?.ToDictionary().Values.SelectMany(v => v).FirstOrDefault() ?? outcome.Reason;
        }

        Files = await materials.MineAsync(me, HttpContext.RequestAborted);
        return Page();
    }
}
