using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Plans;

namespace Followthrough.Tests.Plans;

public sealed class PlanPermissionTests
{
    private static readonly Indicator Reported = new() { Code = "X", NameZh = "x", MeasureZh = "%", ReportingUnitId = 7 };

    [Theory]
    [InlineData(Role.Supervisor, null, true)]
    [InlineData(Role.UnitStaff, 7, true)]
    [InlineData(Role.UnitStaff, 8, false)]
    [InlineData(Role.UnitStaff, null, false)]
    [InlineData(Role.Administrator, 7, false)]
    [InlineData(Role.Leader, 7, false)]
    [InlineData(Role.Enterprise, 7, false)]
    public void CanRecordIndicatorValue_OnlyTheReportingUnitOrASupervisor(Role role, int? unit, bool allowed)
    {
        Assert.Equal(allowed, PlanPermissions.CanRecordIndicatorValue(new CurrentUser(1, "u", role, unit), Reported));
    }

    [Fact]
    public void Anonymous_MayNeitherReadNorRecord()
    {
        Assert.False(PlanPermissions.CanReadPlans(CurrentUser.Anonymous));
        Assert.False(PlanPermissions.CanEditPlans(CurrentUser.Anonymous));
        Assert.False(PlanPermissions.CanRecordIndicatorValue(CurrentUser.Anonymous, Reported));
    }

    [Theory]
    [InlineData(Role.Administrator, true, true)]
    [InlineData(Role.Supervisor, true, true)]
    [InlineData(Role.Leader, true, false)]
    [InlineData(Role.UnitStaff, true, false)]
    [InlineData(Role.Citizen, false, false)]
    public void Plans_AreReadByGovernmentAccounts_AndEditedByAdministratorsAndSupervisors(Role role, bool reads, bool edits)
    {
        var user = new CurrentUser(1, "u", role, 3);
        Assert.Equal(reads, PlanPermissions.CanReadPlans(user));
        Assert.Equal(edits, PlanPermissions.CanEditPlans(user));
    }
}
