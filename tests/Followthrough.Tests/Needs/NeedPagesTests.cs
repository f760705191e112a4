using System.Net;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Needs;

/// <summary>The enterprise's pages, the unit's queue and need page, and the supervision office's overview, in both
/// languages; another enterprise's need is not found.</summary>
public abstract class NeedPagesTests(AppFixture app)
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public async Task AnEnterpriseFilesOnThePage_TheUnitHandsOnAndDispatches_TheLeadAnswers_TheEnterpriseIsDissatisfied()
    {
        var beb = await app.UnitIdAsync("DL-BEB");
        var drc = await app.UnitIdAsync("DL-DRC");
        var enterprise = await SignedInBrowserClient.CreateAsync(app, Role.Enterprise, "DL-RKP");
        Assert.Contains("File a need", await enterprise.GetPageAsync("/needs"), StringComparison.Ordinal);

        var empty = await enterprise.PostFormAsync("/needs/file", [F("Title", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var form = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Choose what the need is about.", form, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", form, StringComparison.Ordinal);

        var filed = await enterprise.PostFormAsync("/needs/file", [
            F("UnitId", beb.ToString(System.Globalization.CultureInfo.InvariantCulture)), F("Category", "PolicyBottleneck"),
            F("Title", "储能电站消防验收标准不明确"), F("Details", "现行消防规范没有针对液流电池储能电站的条款，验收无所适从。"), F("PublishConsent", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var path = filed.Headers.Location!.OriginalString;
        Assert.Contains("The unit that received the need is responsible for it", await enterprise.GetPageAsync(path), StringComparison.Ordinal);
        var other = await SignedInBrowserClient.CreateAsync(app, Role.Enterprise, "DL-ETC");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);

        var bebStaff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-BEB");
        Assert.Contains($"href=\"{path}\"", await bebStaff.GetPageAsync("/needs"), StringComparison.Ordinal);
        var noReason = await bebStaff.PostFormAsync(path, [F("step", "HandOn"), F("version", "1"), F("UnitId", drc.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why the need is handed on", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var dispatched = await bebStaff.PostFormAsync(path, [F("step", "Dispatch"), F("version", "1"), F("LeadUnitId", drc.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, dispatched.StatusCode);

        var drcStaff = await SignedInBrowserClient.CreateAsync(app, Role.UnitStaff, "DL-DRC");
        Assert.Contains("Answer the enterprise", await drcStaff.GetPageAsync(path), StringComparison.Ordinal);
        var answered = await drcStaff.PostFormAsync(path, [F("step", "Answer"), F("version", "2"), F("Answer", "已商请应急管理部门出具专项验收意见。")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var chinese = await SignedInBrowserClient.SignInAsync(app, enterprise.User!, AppFixture.Password, acceptLanguage: "zh-CN");
        var zh = await chinese.GetPageAsync(path);
        Assert.Contains("您对答复满意吗？", zh, StringComparison.Ordinal);
        Assert.Contains("已答复，待回访", zh, StringComparison.Ordinal);
        var reopened = await enterprise.PostFormAsync(path, [F("step", "CallBack"), F("version", "3"), F("Satisfaction", "Dissatisfied")]);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Contains("Reopened at the supervision office", await enterprise.GetPageAsync(path), StringComparison.Ordinal);

        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var overview = await supervisor.GetPageAsync("/needs/overview");
        Assert.Contains($"href=\"{path}\"", overview, StringComparison.Ordinal);
        Assert.Contains("Dispatch to the unit that answers", await supervisor.GetPageAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/needs/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await drcStaff.GetAsync($"/needs?unitId={beb}")).StatusCode);
    }
}

public sealed class NeedPagesOnSqlite(SqliteApp app) : NeedPagesTests(app), IClassFixture<SqliteApp>;

public sealed class NeedPagesOnPostgreSql(PostgreSqlApp app) : NeedPagesTests(app), IClassFixture<PostgreSqlApp>;
