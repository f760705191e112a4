using System.Globalization;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Followthrough.Tests.Supervision;
using Microsoft.AspNetCore.Hosting;

namespace Followthrough.Tests.Audit;

/// <summary>The app with an audit key, a checkpoint file and the webhook as checkpoint destinations.</summary>
public abstract class CheckpointApp : AppFixture
{
    internal LoopbackWebhook Webhook { get; } = new();

    public string KeyFile => Path.Combine(Database.Folder, "keys", "audit.keys");

    public string CheckpointFile => Path.Combine(Database.Folder, "anchor", "checkpoints.jsonl");

    protected override void Configure(IWebHostBuilder web)
    {
        ArgumentNullException.ThrowIfNull(web);
        web.UseSetting("Followthrough:Audit:KeyFile", KeyFile);
        web.UseSetting("Followthrough:Audit:CheckpointFile", CheckpointFile);
        web.UseSetting("Followthrough:Audit:CheckpointToWebhook", "true");
        web.UseSetting("Followthrough:Supervision:Webhook:Url", Webhook.Url.ToString());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Webhook.DisposeAsync();
    }
}

public sealed class SqliteCheckpointApp : CheckpointApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCheckpointApp : CheckpointApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>Each day's supervision run leaves a signed checkpoint of the trail where the operator configured it.</summary>
public abstract class AuditDailyCheckpointTests(CheckpointApp app)
{
    [Fact]
    public async Task DailyRun_AppendsASignedCheckpointOfTheHead_ToTheFileAndTheWebhook_AndVerifyAcceptsIt()
    {
        var before = File.Exists(app.CheckpointFile) ? (await File.ReadAllLinesAsync(app.CheckpointFile)).Length : 0;

        await SupervisionTestData.RunAsync(app, new DateOnly(2031, 6, 2));

        var lines = await File.ReadAllLinesAsync(app.CheckpointFile);
        Assert.Equal(before + 1, lines.Length);
        var head = await RawSql.ScalarAsync(app.Database.Settings, "SELECT last_sequence FROM audit_head");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\"sequence\":{head},"), lines[^1], StringComparison.Ordinal);
        Assert.Contains("\"signature\":", lines[^1], StringComparison.Ordinal);
        Assert.Contains(app.Webhook.Calls, call => call.Body == lines[^1]);

        var verify = await CliRun.RunAsync(app.Database.ConnectionString,
            "audit", "verify", "--checkpoint", app.CheckpointFile, "--audit-key-file", app.KeyFile);
        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.Contains($"consistent with {lines.Length} checkpoint(s)", verify.Output, StringComparison.Ordinal);
    }
}

public sealed class AuditDailyCheckpointOnSqlite(SqliteCheckpointApp app) : AuditDailyCheckpointTests(app), IClassFixture<SqliteCheckpointApp>;

public sealed class AuditDailyCheckpointOnPostgreSql(PostgreSqlCheckpointApp app) : AuditDailyCheckpointTests(app), IClassFixture<PostgreSqlCheckpointApp>;
