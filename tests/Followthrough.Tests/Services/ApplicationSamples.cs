using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Services.CatalogueSamples;

namespace Followthrough.Tests.Services;

/// <summary>The people and an item of a unit for application tests, each test with its own.</summary>
/// <remarks>Staff is the unit's window officer, Approver its approver; Clerk is unit staff with neither duty.</remarks>
internal sealed record ApplicationCast(
    ServiceItemEntry Item, CurrentUser Applicant, CurrentUser Staff, CurrentUser OtherStaff, CurrentUser OtherCitizen, CurrentUser Supervisor,
    CurrentUser Approver, CurrentUser Clerk)
{
    public const string UnitCode = "DL-MSA";

    /// <summary>What every step needs, so that only who and when decide.</summary>
    public static readonly StepInput Complete = new(
        "The materials are complete and meet the conditions.", "《中华人民共和国行政许可法》第三十二条", ["Lease contract of the premises"], true);

    public static async Task<ApplicationCast> CreateAsync(AppFixture app, int committed = 5, int statutory = 20, bool acceptsOnPromise = false)
    {
        var unit = await app.UnitIdAsync(UnitCode);
        var item = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(
                CatalogueSamples.Item(unit, committed: committed, statutory: statutory) with { AcceptsOnPromise = acceptsOnPromise })).Value!);
        var staff = await UserAsync(app, Role.UnitStaff, UnitCode);
        var approver = await UserAsync(app, Role.UnitStaff, UnitCode);
        await GiveDutyAsync(app, staff, ServiceDuty.WindowOfficer);
        await GiveDutyAsync(app, approver, ServiceDuty.Approver);
        return new ApplicationCast(
            item,
            await UserAsync(app, Role.Citizen, null),
            staff,
            await UserAsync(app, Role.UnitStaff, "DL-DRC"),
            await UserAsync(app, Role.Enterprise, null),
            await UserAsync(app, Role.Supervisor, null),
            approver,
            await UserAsync(app, Role.UnitStaff, UnitCode));
    }

    /// <summary>Gives a member of a unit's staff a duty there, as the supervision office does.</summary>
    public static Task GiveDutyAsync(AppFixture app, CurrentUser person, ServiceDuty duty) =>
        app.WithServicesAsync(async sp =>
        {
            var office = new CurrentUser(null, "supervision office", Role.Supervisor, null);
            var given = await sp.GetRequiredService<UnitDuties>().AssignAsync(office, new DutyInput(person.UnitId, person.PersonId, duty));
            Assert.True(given.IsDone, $"{given.Kind} {given.Reason}");
            return given.Value!;
        });

    /// <inheritdoc cref="GiveDutyAsync(AppFixture, CurrentUser, ServiceDuty)"/>
    public static Task GiveDutyAsync(AppFixture app, TestUser person, ServiceDuty duty) =>
        GiveDutyAsync(app, new CurrentUser(person.PersonId, person.UserName, person.Role, person.UnitId), duty);

    public static async Task<CurrentUser> UserAsync(AppFixture app, Role role, string? unitCode)
    {
        var user = await app.CreateUserAsync(role, unitCode);
        return new CurrentUser(user.PersonId, user.UserName, role, user.UnitId);
    }

    /// <summary>Files an application and takes the steps that lead to <paramref name="state"/>.</summary>
    public async Task<ServiceApplicationEntry> InStateAsync(ServiceApplications applications, ApplicationState state)
    {
        var filed = await applications.FileAsync(Applicant, new ApplicationInput(Item.Id, new Dictionary<string, string?> { ["companyName"] = "大连海湾餐饮有限公司" }));
        Assert.True(filed.IsDone, filed.Errors?.ToDictionary().ToString());
        var path = state switch
        {
            ApplicationState.Received => [],
            ApplicationState.Accepted => [ApplicationStep.Accepted],
            ApplicationState.Refused => [ApplicationStep.Refused],
            ApplicationState.SupplementRequested => [ApplicationStep.SupplementRequested],
            ApplicationState.Approved => [ApplicationStep.Accepted, ApplicationStep.Approved],
            ApplicationState.Rejected => [ApplicationStep.Accepted, ApplicationStep.Rejected],
            ApplicationState.Delivered => [ApplicationStep.Accepted, ApplicationStep.Approved, ApplicationStep.Delivered],
            ApplicationState.Withdrawn => new[] { ApplicationStep.Withdrawn },
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        var current = filed.Value!;
        foreach (var step in path)
        {
            var by = ApplicationRules.Steps[step].By switch
            {
                ApplicationRules.Actor.Applicant => Applicant,
                ApplicationRules.Actor.Approver => Approver,
                _ => Staff,
            };
            var taken = await applications.TakeStepAsync(by, current.Id, step, Complete, current.Version);
            Assert.True(taken.IsDone, $"{step}: {taken.Kind} {taken.Reason}");
            current = taken.Value!;
        }

        Assert.Equal(state, current.State);
        return current;
    }
}
