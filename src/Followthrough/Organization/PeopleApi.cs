using Followthrough.Audit;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Organization;

/// <summary>The body of POST /people and PUT /people/{id}. The unit is given by id or by code.</summary>
internal sealed record PersonRequest(
    string? NameZh,
    string? NameEn,
    string? Title,
    string? Role,
    int? UnitId,
    string? UnitCode,
    string? Email,
    string? Phone,
    int? Version)
{
    public PersonInput ToInput() => new(NameZh, NameEn, Title, Role, UnitId, UnitCode, Email, Phone);
}

/// <summary>The body of POST /people/{id}/account.</summary>
internal sealed record SignInRequest(string? UserName, string? Password);

/// <summary>The body of POST /people/{id}/account/password.</summary>
internal sealed record PasswordRequest(string? Password);

/// <summary>A person's sign-in, as the API confirms it (never the password or its hash).</summary>
internal sealed record SignInDto(int PersonId, string UserName);

/// <summary>
/// /api/v1/people. Leaders, the supervision office and administrators read everyone; unit staff read their own
/// unit's people, and another unit's person is answered 404 as if it did not exist. Administrators change people
/// and give them sign-ins.
/// </summary>
internal static class PeopleApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireAuthorization();
        people.MapGet("/", ListAsync).WithName("ListPeople")
            .WithSummary("List people a page at a time, filtered by a search text (names, title, e-mail), unit, role and active state. Unit staff see their own unit's people only.");
        people.MapGet("/{id:int}", GetAsync).WithName("GetPerson")
            .WithSummary("Read one person; the ETag header is their version. 404 for people the caller may not see.");
        people.MapPost("/", CreateAsync).WithName("CreatePerson")
            .WithSummary("Create a person (administrators). Unit staff must have a unit.");
        people.MapPut("/{id:int}", UpdateAsync).WithName("UpdatePerson")
            .WithSummary("Replace a person's fields (administrators). Send If-Match or a version field: stale answers 409, none at all 428.");
        people.MapPost("/{id:int}/deactivate", DeactivateAsync).WithName("DeactivatePerson")
            .WithSummary("Deactivate a person (administrators): they can no longer sign in. Versioned like an update.");
        people.MapPost("/{id:int}/reactivate", ReactivateAsync).WithName("ReactivatePerson")
            .WithSummary("Reactivate a person (administrators). Versioned like an update.");
        people.MapGet("/{id:int}/history", HistoryAsync).WithName("GetPersonHistory")
            .WithSummary("The person's audit trail, oldest first, with the values before and after each change.");
        people.MapPost("/{id:int}/account", CreateSignInAsync).WithName("CreatePersonSignIn")
            .WithSummary("Give a person a sign-in: a user name and a first password (administrators). 409 when they already have one.");
        people.MapPost("/{id:int}/account/password", ResetPasswordAsync).WithName("ResetPersonPassword")
            .WithSummary("Set a new password for a person's sign-in and unlock it (administrators).");
    }

    private static async Task<Results<Ok<Paged<PersonDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int? page, int? pageSize, string? q, int? unitId, string? role, string? active,
        CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanListPeople(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        var parsedRole = PersonRules.ParseRole(role);
        if (!string.IsNullOrWhiteSpace(role) && parsedRole is null)
        {
            errors.Add("role", OrganizationMessages.RoleUnknown);
        }

        var parsedActive = ApiShared.ParseFlag(active, "active", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var found = await people.ListAsync(new PersonFilter(q, unitId, parsedRole, parsedActive), request, me, cancellationToken);
        var items = await ToDtosAsync(found.Items, me, units, accounts, cancellationToken);
        return TypedResults.Ok(new Paged<PersonDto>(items, found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetAsync(
        int id, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts, HttpResponse response, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null || !OrganizationPermissions.CanReadPerson(me, person))
        {
            return Problems.NotFound("The person");
        }

        Versions.SetETag(response, person.Version);
        return TypedResults.Ok((await ToDtosAsync([person], me, units, accounts, cancellationToken))[0]);
    }

    private static async Task<Results<Created<PersonDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PersonRequest body, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManagePeople(me))
        {
            return Problems.Forbidden();
        }

        var outcome = await people.CreateAsync(body.ToInput(), cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (!outcome.IsDone)
        {
            return ApiShared.ToProblem(outcome.Refusal);
        }

        var dto = (await ToDtosAsync([outcome.Value!], me, units, accounts, cancellationToken))[0];
        Versions.SetETag(response, dto.Version);
        return TypedResults.Created($"/api/v1/people/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, PersonRequest body, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManagePeople(me))
        {
            return Problems.Forbidden();
        }

        if (Versions.Expected(request, body.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await people.UpdateAsync(id, body.ToInput(), version, cancellationToken);
        return await AnswerAsync(outcome, me, units, accounts, response, cancellationToken);
    }

    private static Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> DeactivateAsync(
        int id, StateChangeRequest? body, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, body, active: false, me, people, units, accounts, request, response, cancellationToken);

    private static Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> ReactivateAsync(
        int id, StateChangeRequest? body, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, body, active: true, me, people, units, accounts, request, response, cancellationToken);

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> ChangeStateAsync(
        int id, StateChangeRequest? body, bool active, CurrentUser me, PersonService people, UnitService units, IPersonSignIns accounts,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManagePeople(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        var comment = ApiShared.CheckComment(body?.Comment, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (Versions.Expected(request, body?.Version) is not { } version)
        {
            return Problems.VersionRequired();
        }

        var outcome = await people.SetActiveAsync(id, active, version, comment, cancellationToken);
        return await AnswerAsync(outcome, me, units, accounts, response, cancellationToken);
    }

    private static async Task<Results<Ok<Paged<HistoryEntryDto>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        int id, int? page, int? pageSize, CurrentUser me, PersonService people, AuditTrail trail, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var person = await people.FindAsync(id, cancellationToken);
        if (person is null || !OrganizationPermissions.CanReadPerson(me, person))
        {
            return Problems.NotFound("The person");
        }

        return TypedResults.Ok(ApiShared.Page(await trail.HistoryAsync("people", id, cancellationToken), request));
    }

    private static async Task<Results<Created<SignInDto>, ValidationProblem, ProblemHttpResult>> CreateSignInAsync(
        int id, SignInRequest body, CurrentUser me, PersonService people, IPersonSignIns accounts, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManageSignIns(me))
        {
            return Problems.Forbidden();
        }

        if (await people.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("The person");
        }

        if ((await accounts.UserNamesAsync([id], cancellationToken)).ContainsKey(id))
        {
            return Problems.Conflict(OrganizationMessages.AlreadyHasSignIn);
        }

        var errors = accounts.Check(body.UserName, body.Password);
        if (errors.IsEmpty)
        {
            try
            {
                if (await accounts.CreateAsync(id, body.UserName!, body.Password!, cancellationToken) is { } problem)
                {
                    errors.Add("userName", SignIns.Reword(problem));
                }
            }
            catch (DbUpdateException)
            {
                errors.Add("userName", OrganizationMessages.UserNameTaken); // taken by someone saving at the same moment
            }
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var userName = accounts.Normalize(body.UserName!);
        return TypedResults.Created($"/api/v1/people/{id}", new SignInDto(id, userName));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        int id, PasswordRequest body, CurrentUser me, PersonService people, IPersonSignIns accounts, CancellationToken cancellationToken)
    {
        if (!OrganizationPermissions.CanManageSignIns(me))
        {
            return Problems.Forbidden();
        }

        if (await people.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound("The person");
        }

        if (!(await accounts.UserNamesAsync([id], cancellationToken)).TryGetValue(id, out var userName))
        {
            return Problems.NotFound("The person's sign-in");
        }

        var errors = new ValidationErrors();
        if (await accounts.SetPasswordAsync(userName, body.Password ?? string.Empty, cancellationToken) is { } problem)
        {
            errors.Add("password", problem);
            return Problems.Invalid(errors);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PersonDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Outcome<Person> outcome, CurrentUser me, UnitService units, IPersonSignIns accounts, HttpResponse response, CancellationToken cancellationToken)
    {
        if (outcome.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (!outcome.IsDone)
        {
            return ApiShared.ToProblem(outcome.Refusal);
        }

        var dto = (await ToDtosAsync([outcome.Value!], me, units, accounts, cancellationToken))[0];
        Versions.SetETag(response, dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<IReadOnlyList<PersonDto>> ToDtosAsync(
        IReadOnlyList<Person> people, CurrentUser me, UnitService units, IPersonSignIns accounts, CancellationToken cancellationToken)
    {
        var unitsById = await units.ByIdsAsync(people.Select(p => p.UnitId), cancellationToken);
        var userNames = await accounts.UserNamesAsync(people.Select(p => p.Id), cancellationToken);
        var showUserNames = OrganizationPermissions.CanManageSignIns(me);
        return [.. people.Select(p => PersonDto.From(
            p,
            p.UnitId is { } unitId && unitsById.TryGetValue(unitId, out var unit) ? unit.Code : null,
            userNames.GetValueOrDefault(p.Id),
            showUserNames))];
    }
}
