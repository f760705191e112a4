using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Services.Duties;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>In the demo each unit with a staff account also has its approver (审批人) signing in, so that a decision can
/// be walked through: drc-approver, stb-approver and eeb-approver hold the Approver duty of their unit.</summary>
public sealed class DemoApproversTests(SqliteCliDatabase cli) : IClassFixture<SqliteCliDatabase>
{
    [Theory]
    [InlineData("drc-approver", "DL-DRC")]
    [InlineData("stb-approver", "DL-STB")]
    [InlineData("eeb-approver", "DL-EEB")]
    public async Task EachDemoUnitsApprover_SignsIn_AndHoldsTheApproverDuty(string userName, string unitCode)
    {
        var (account, duties) = await cli.WithServicesAsync(async sp =>
        {
            var account = await sp.GetRequiredService<AccountDirectory>().FindAsync(userName);
            var unit = (await sp.GetRequiredService<OrganizationDirectory>().UnitsAsync(activeOnly: true)).Single(u => u.Code == unitCode);
            return (account, await sp.GetRequiredService<UnitDuties>().ListAsync(unit.Id));
        });

        Assert.NotNull(account);
        Assert.Equal(unitCode, account.UnitCode);
        Assert.Contains(duties, d => d.PersonId == account.PersonId && d.Duty == ServiceDuty.Approver);
        Assert.DoesNotContain(duties, d => d.PersonId == account.PersonId && d.Duty == ServiceDuty.WindowOfficer);
    }
}
