using Followthrough.Storage.Files;
using Microsoft.AspNetCore.Http;

namespace Followthrough.Web;

/// <summary>Every error leaves the API as RFC 7807 ProblemDetails with a trace id to quote to support.</summary>
internal static class ProblemDetailsSetup
{
    public static void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            if (context.Exception is FileRefusedException refused)
            {
                // A reader that does not turn a refused file into its own problem still answers 413 or 400, never 500.
                var status = refused.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                context.ProblemDetails.Status = status;
                context.HttpContext.Response.StatusCode = status;
                context.ProblemDetails.Title = "The file was refused.";
                context.ProblemDetails.Detail = refused.Message;
                if (refused.Limit is not null)
                {
                    context.ProblemDetails.Extensions["limit"] = refused.Limit;
                }
            }

            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Type = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "https://tools.ietf.org/html/rfc9110#section-15.5.14"
                    : "https://tools.ietf.org/html/rfc9110#section-15.5.1";
                context.HttpContext.Response.StatusCode = bad.StatusCode;
                context.ProblemDetails.Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request body is too large."
                    : "The request could not be read.";
                context.ProblemDetails.Detail = bad.InnerException is System.Text.Json.JsonException json
                    ? $"{bad.Message} {json.Message}"
                    : bad.Message;
            }
        };
}
