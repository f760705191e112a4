using Microsoft.AspNetCore.OpenApi;

namespace Followthrough.Web;

internal static class OpenApiSetup
{
    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Followthrough API";
            document.Info.Version = "v1";
            document.Servers = []; // the document describes paths; the host it is read from is the server
            document.Info.Description =
                "Plans, directives and tasks of a city government, followed through to verified results. "
                + "Authenticate with a personal API token: Authorization: Bearer ft_... . "
                + "Errors are RFC 7807 problem details; updates take the record's version as If-Match (or a version field) and answer 409 when it is stale.";
            return Task.CompletedTask;
        });
}
