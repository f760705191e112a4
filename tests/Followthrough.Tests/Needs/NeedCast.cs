using Followthrough.Needs;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Needs;

/// <summary>The people of a need, each test with its own: the enterprise, the unit that receives it (Responsible), the
/// lead and co-unit it is dispatched to, another unit, the supervision office and another enterprise.</summary>
internal sealed record NeedCast(
    CurrentUser Enterprise, CurrentUser Responsible, CurrentUser Lead, CurrentUser CoUnit, CurrentUser OtherStaff, CurrentUser Supervisor,
    CurrentUser OtherEnterprise, int ResponsibleUnit, int LeadUnit, int CoUnitId, int OtherUnit, int OfficeUnit)
{
    public static async Task<NeedCast> CreateAsync(AppFixture app) => new(
        await UserAsync(app, Role.Enterprise, "DL-RKP"),
        await UserAsync(app, Role.UnitStaff, "DL-BEB"),
        await UserAsync(app, Role.UnitStaff, "DL-DRC"),
        await UserAsync(app, Role.UnitStaff, "DL-NRB"),
        await UserAsync(app, Role.UnitStaff, "DL-STB"),
        await UserAsync(app, Role.Supervisor, "DL-SUP"),
        await UserAsync(app, Role.Enterprise, "DL-ETC"),
        await app.UnitIdAsync("DL-BEB"),
        await app.UnitIdAsync("DL-DRC"),
        await app.UnitIdAsync("DL-NRB"),
        await app.UnitIdAsync("DL-STB"),
        await app.UnitIdAsync("DL-SUP"));

    public static async Task<CurrentUser> UserAsync(AppFixture app, Role role, string? unitCode)
    {
        var user = await app.CreateUserAsync(role, unitCode);
        return new CurrentUser(user.PersonId, user.UserName, role, user.UnitId);
    }

    public NeedInput Filing(NeedCategory category = NeedCategory.PolicyBottleneck) => new(
        category, "储能电站容量电价政策不明确", "新建储能电站能否适用容量电价补偿，现行文件没有说明，影响项目融资。", true, ResponsibleUnit);

    /// <summary>What every step needs, so that only who and when decide.</summary>
    public NeedStepInput Complete(Satisfaction said = Satisfaction.Satisfied) =>
        new(OtherUnit, "Not ours: the bureau in charge of the programme handles it.", LeadUnit, [CoUnitId], "The policy applies from next quarter; the notice is attached.", said);

    /// <summary>Files a need as the enterprise and takes the steps that lead to <paramref name="state"/>; a reopened
    /// need has been answered once and called back dissatisfied.</summary>
    public async Task<NeedEntry> InStateAsync(EnterpriseNeeds needs, NeedState state)
    {
        var filed = await needs.FileAsync(Enterprise, Filing());
        Assert.True(filed.IsDone, $"{filed.Kind} {string.Join(" ", filed.Errors?.Messages ?? [])}");
        var path = state switch
        {
            NeedState.Filed => [],
            NeedState.Dispatched => [(NeedAction.Dispatch, Responsible)],
            NeedState.Answered => [(NeedAction.Dispatch, Responsible), (NeedAction.Answer, Lead)],
            NeedState.Reopened => [(NeedAction.Dispatch, Responsible), (NeedAction.Answer, Lead), (NeedAction.CallBack, Enterprise)],
            NeedState.Closed => new[] { (NeedAction.Dispatch, Responsible), (NeedAction.Answer, Lead), (NeedAction.CallBack, Enterprise) },
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        var current = filed.Value!;
        foreach (var (action, by) in path)
        {
            var taken = await needs.TakeStepAsync(by, current.Id, action, Complete(state == NeedState.Reopened ? Satisfaction.Dissatisfied : Satisfaction.Satisfied), current.Version);
            Assert.True(taken.IsDone, $"{action}: {taken.Kind} {taken.Reason} {string.Join(" ", taken.Errors?.Messages ?? [])}");
            current = taken.Value!;
        }

        Assert.Equal(state, current.State);
        return current;
    }

    public static Task<T> WithNeedsAsync<T>(AppFixture app, Func<EnterpriseNeeds, Task<T>> work) =>
        app.WithServicesAsync(sp => work(sp.GetRequiredService<EnterpriseNeeds>()));
}
