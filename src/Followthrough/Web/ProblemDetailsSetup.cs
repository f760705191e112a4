using Microsoft.AspNetCore.Http;

namespace Followthrough.Web;

/// <summary>Every error leaves the API as RFC 7807 ProblemDetails with a trace id to quote to support.</summary>
public static class ProblemDetailsSetup
{
    public static void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
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
