using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Web;

/// <summary>The API's error answers, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Forbidden(string? detail = null) =>
        TypedResults.Problem(title: "You are not allowed to do this.", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult Stale(int currentVersion) =>
        TypedResults.Problem(
            title: "The record was changed by someone else.",
            detail: $"Your change was based on an older version; the current version is {currentVersion}. Reload, re-apply your change and send it again. Nothing was saved.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>An update that names no version: 428, so a client cannot overwrite others' work by accident.</summary>
    public static ProblemHttpResult VersionRequired() =>
        TypedResults.Problem(
            title: "The version of the record is required.",
            detail: "Send the version your change is based on: an If-Match header with the ETag from the last read, or a version field in the body.",
            statusCode: StatusCodes.Status428PreconditionRequired);

    public static ValidationProblem Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");
    }
}
