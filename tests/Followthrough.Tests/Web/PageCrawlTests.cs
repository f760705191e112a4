using System.Net;
using System.Text.RegularExpressions;
using Followthrough.Organization;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Web;

/// <summary>
/// Walks the pages a person can reach by following links from the start page, as each role, on the demo database.
/// Every page must answer without a server error, and every form that posts must carry the anti-forgery token — a
/// form whose action is built from a Razor expression does not get one by default, and then every press of its
/// button is refused with 400.
/// </summary>
public sealed partial class PageCrawlTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const int MaxPagesPerRole = 150;

    [Theory]
    [InlineData(Role.Administrator, "DL-GOV")]
    [InlineData(Role.Supervisor, "DL-SUP")]
    [InlineData(Role.Leader, "DL-GOV")]
    [InlineData(Role.UnitStaff, "DL-DRC")]
    public async Task EveryReachablePage_AnswersWithoutError_AndEveryPostFormCarriesTheToken(Role role, string unit)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(role, unit));
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var path = queue.Dequeue();
            visited++;
            using var response = await client.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{path} answered {(int)response.StatusCode}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (Match form in PostForm().Matches(html))
            {
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    problems.Add($"{path}: a form without the anti-forgery token: {form.Value[..Math.Min(160, form.Value.Length)]}");
                }
            }

            foreach (Match link in Link().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                if (target.Length > 0 && !target.StartsWith("/api/", StringComparison.Ordinal) && !target.StartsWith("//", StringComparison.Ordinal)
                    && !target.StartsWith("/lib/", StringComparison.Ordinal) && !target.StartsWith("/css/", StringComparison.Ordinal)
                    && !target.StartsWith("/js/", StringComparison.Ordinal) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(visited > 10, $"only {visited} pages were reachable as {role}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [GeneratedRegex("""<form\b[^>]*method="post"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    [GeneratedRegex("""<a\b[^>]*href="(/[^"]*)""")]
    private static partial Regex Link();
}
