using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Followthrough.Web.Pages;

/// <summary>The readable page for errors outside the API (the API answers with problem details).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Title => Status switch
    {
        403 => "You are not allowed to see this page",
        404 => "Page not found",
        400 or 413 => "The request could not be handled",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        403 => "Your role does not give access to this page. Ask an administrator if you need it.",
        404 => "The address may be mistyped, or the record no longer exists.",
        400 or 413 => "What was sent could not be read, or was too large. Nothing was saved.",
        _ => "The error was logged. Nothing you entered was half-saved: try again, or tell the administrator the time it happened.",
    };

    public void OnGet(int? status) => Handle(status);

    public void OnPost(int? status) => Handle(status);

    private void Handle(int? status)
    {
        Status = status ?? 500;
        Response.StatusCode = Status is >= 400 and < 600 ? Status : 500;
    }
}
