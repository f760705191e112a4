using Followthrough.Services.Applications;
using Followthrough.Services.Rules;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>The rules' decision on the application page names the values it read as the applicant saw them: the form's
/// labels of the version filed under and the facts in words, in the page's language, never the rules' keys.</summary>
public sealed class AutoDecisionPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheValuesRead_AreNamedByTheFormsLabels_AndTheFactsInWords()
    {
        var id = await app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<ServiceAutoDecision>()
            .Where(d => d.Application!.ItemCode == "DL-DRC-001" && d.Outcome == AutoOutcome.Approved).Select(d => d.ApplicationId).SingleAsync());
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");

        var page = await supervisor.GetPageAsync($"/services/applications/{id}");
        Assert.Contains("Total investment (10,000 yuan): 8600", page, StringComparison.Ordinal);
        Assert.Contains("Applicant (enterprise or citizen): enterprise", page, StringComparison.Ordinal);
        Assert.DoesNotContain("investment = ", page, StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.SignInAsync(app, supervisor.User!, AppFixture.Password, "zh-CN");
        var zh = await chinese.GetPageAsync($"/services/applications/{id}");
        Assert.Contains("总投资（万元）: 8600", zh, StringComparison.Ordinal);
        Assert.Contains("申请人类型（企业或群众）", zh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChinesePage_ShowsTheRulesOwnNotesInChinese_NotInEnglish()
    {
        var (approved, rejected) = await app.WithServicesAsync(async sp =>
        {
            var decisions = sp.GetRequiredService<FollowthroughDb>().Set<ServiceAutoDecision>();
            return (await decisions.Where(d => d.Outcome == AutoOutcome.Approved).Select(d => d.ApplicationId).FirstAsync(),
                await decisions.Where(d => d.Outcome == AutoOutcome.Rejected).Select(d => d.ApplicationId).FirstAsync());
        });
        var supervisor = await SignedInBrowserClient.CreateAsync(app, Role.Supervisor, "DL-SUP");
        var english = await supervisor.GetPageAsync($"/services/applications/{approved}");
        Assert.Contains("Every condition of the rules is met.", english, StringComparison.Ordinal);
        Assert.Contains("rules version ", english, StringComparison.Ordinal);

        var chinese = await SignedInBrowserClient.SignInAsync(app, supervisor.User!, AppFixture.Password, "zh-CN");
        var zh = await chinese.GetPageAsync($"/services/applications/{approved}");
        Assert.Contains("规则的各项条件均已满足。", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("Every condition of the rules is met.", zh, StringComparison.Ordinal);
        Assert.DoesNotContain(">rules v", zh, StringComparison.Ordinal);
        Assert.Contains("规则第 ", zh, StringComparison.Ordinal);

        // a refusing line's explanation is kept as "中文 / English": each page shows its own half
        var refusal = await app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<ServiceApplication>()
            .Where(a => a.Id == rejected).Select(a => a.Reason!).SingleAsync());
        var half = refusal.IndexOf(" / ", StringComparison.Ordinal);
        var refusedZh = await chinese.GetPageAsync($"/services/applications/{rejected}");
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(refusal[(half + 3)..]), refusedZh, StringComparison.Ordinal);
        var refusedEn = await supervisor.GetPageAsync($"/services/applications/{rejected}");
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(refusal[..half]), refusedEn, StringComparison.Ordinal);
    }
}
