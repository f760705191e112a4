using Followthrough.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Plans.Api;

/// <summary>Turns the editors' outcomes into HTTP answers, the same way for every plans endpoint.</summary>
internal static class ApiAnswers
{
    public static Results<Ok<TDto>, ValidationProblem, ProblemHttpResult> Updated<T, TDto>(
        Outcome<T> result, Func<T, TDto> map, HttpResponse response, string what, Func<T, int>? version = null)
        where T : class =>
        result.Kind switch
        {
            OutcomeKind.Done => Ok(result.Value!, map, response, version),
            OutcomeKind.Invalid => Problems.Invalid(result.Errors!),
            _ => Failure(result, what),
        };

    public static Results<Created<TDto>, ValidationProblem, ProblemHttpResult> Created<T, TDto>(
        Outcome<T> result, Func<T, TDto> map, HttpResponse response, string what, Func<T, string> location, Func<T, int>? version = null)
        where T : class
    {
        switch (result.Kind)
        {
            case OutcomeKind.Done:
                if (version is not null)
                {
                    Versions.SetETag(response, version(result.Value!));
                }

                return TypedResults.Created(location(result.Value!), map(result.Value!));
            case OutcomeKind.Invalid:
                return Problems.Invalid(result.Errors!);
            default:
                return Failure(result, what);
        }
    }

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> Deleted<T>(Outcome<T> result, string what)
        where T : class =>
        result.Kind switch
        {
            OutcomeKind.Done => TypedResults.NoContent(),
            OutcomeKind.Invalid => Problems.Invalid(result.Errors!),
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

    private static ProblemHttpResult Failure<T>(Outcome<T> result, string what)
        where T : class => result.Kind switch
        {
            OutcomeKind.NotFound => Problems.NotFound(what),
            OutcomeKind.Stale => Problems.Stale(result.CurrentVersion ?? 0),
            OutcomeKind.Forbidden => Problems.Forbidden(result.Reason),
            _ => Problems.Conflict(result.Reason ?? "The change conflicts with the current state.", null),
        };
}
