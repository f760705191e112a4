using System.Net;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Supervision;
using Followthrough.Tasks;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Supervision;

/// <summary>The urge form on the task page, posted as a browser would.</summary>
public sealed class UrgeButtonTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Supervisor_UrgesFromTheTaskPage_TheLeadUnitGetsTheMessage()
    {
        var supervisor = await app.CreateUserAsync(Role.Supervisor, "DL-SUP");
        var client = await app.SignInAsync(supervisor);
        var taskId = await RunningTaskAsync();
        var page = await client.GetStringAsync($"/tasks/{taskId}");
        Assert.Contains($"action=\"/supervision/urge/{taskId}\"", page, StringComparison.Ordinal);

        var message = $"Report the berth works by Friday {Guid.NewGuid():N}";
        var response = await client.PostFormAsync($"/tasks/{taskId}", new() { ["Message"] = message }, $"/supervision/urge/{taskId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tasks/{taskId}?urged=1", response.Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Notice>()
            .CountAsync(n => n.TaskId == taskId && n.Message == message)));
    }

    [Fact]
    public async Task UnitStaff_AreRefused_WhenTheyPostTheUrgeForm()
    {
        var staff = await app.CreateUserAsync(Role.UnitStaff, "DL-DRC");
        var client = await app.SignInAsync(staff);
        var taskId = await RunningTaskAsync();

        var response = await client.PostFormAsync("/", new() { ["Message"] = "not mine to send" }, $"/supervision/urge/{taskId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Notice>()
            .CountAsync(n => n.Message == "not mine to send")));
    }

    private Task<int> RunningTaskAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<WorkTask>()
        .Where(t => t.State == TaskState.InProgress && t.ParentId == null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
}
