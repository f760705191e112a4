using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Plans.Api;

/// <summary>Turns the editors' outcomes into HTTP answers, the same way for every plans endpoint.</summary>
internal static class ApiAnswers
{
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> Updated<T, TDto>(
        EditResult<T> result, Func<T, TDto> map, HttpResponse response, string what, Func<T, int>? version = null)
        where T : class =>
        result.Failure switch
        {
            EditFailure.None => Ok(result.Value!, map, response, version),
            EditFailure.Invalid => Problems.Invalid(result.Errors!),
            _ => Failure(result, what),
        };

    public static Results<Created<TDto>, ValidationProblem, ProblemHttpResult> Created<T, TDto>(
        EditResult<T> result, Func<T, TDto> map, HttpResponse response, string what, Func<T, string> location, Func<T, int>? version = null)
        where T : class
    {
        switch (result.Failure)
        {
            case EditFailure.None:
                if (version is not null)
                {
                    Versions.SetETag(response, version(result.Value!));
                }

                return TypedResults.Created(location(result.Value!), map(result.Value!));
            case EditFailure.Invalid:
                return Problems.Invalid(result.Errors!);
            default:
                return Failure(result, what);
        }
    }

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> Deleted<T>(EditResult<T> result, string what)
        where T : class =>
        result.Failure switch
        {
            EditFailure.None => TypedResults.NoContent(),
            EditFailure.Invalid => Problems.Invalid(result.Errors!),
            _ => Failure(result, what),
        };

    public static ValidationProblem Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Problems.Invalid(errors);
    }

    private static Ok<TDto> Ok<T, TDto>(T value, Func<T, TDto> map, HttpResponse response, Func<T, int>? version)
    {
        if (version is not null)
        {
            Versions.SetETag(response, version(value));
        }

        return TypedResults.Ok(map(value));
    }

    private static ProblemHttpResult Failure<T>(EditResult<T> result, string what)
        where T : class => result.Failure switch
        {
            EditFailure.NotFound => Problems.NotFound(what),
            EditFailure.Stale => Problems.Stale(result.CurrentVersion),
            EditFailure.Forbidden => Problems.Forbidden(result.Message),
            _ => Problems.Conflict(result.Message ?? "The change conflicts with the current state.", null),
        };
}
