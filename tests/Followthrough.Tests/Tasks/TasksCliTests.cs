using System.Text.Json.Nodes;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Tasks;

/// <summary>followthrough tasks import|list|overdue on both databases, over the demo data.</summary>
public sealed class TasksCliTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Demo_ThenImportListAndOverdue_WorkFromTheCommandLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Task<CliResult> Run(params string[] args) => CliRun.RunAsync(database.ConnectionString, [.. args, "--data-folder", database.Folder]);
        Assert.Equal(0, (await Run("demo", "load")).ExitCode);

        // The demo tells every kind of story, dated from today.
        var list = await Run("tasks", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        var tasks = JsonNode.Parse(list.Output)!.AsArray();
        var kinds = tasks.Select(t => (string?)t!["standing"]!["kind"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Overdue", "DueSoon", "NotYetDue", "ReportOverdue", "AwaitingVerification", "ClosedOnTime", "ClosedLate", "NotAssigned" }, kinds);
        Assert.Contains(tasks, t => (bool)t!["extensionPending"]!);
        Assert.Contains(tasks, t => (bool)t!["needsRework"]!);
        Assert.Contains(tasks, t => t!["parentId"] is not null);
        Assert.Contains(tasks, t => (string?)t!["originKind"] == "InspectionFinding");

        var eeb = await Run("tasks", "list", "--unit", "dl-eeb", "--state", "InProgress");
        Assert.Equal(0, eeb.ExitCode);
        Assert.Contains("逐项整改中央生态环境保护督察反馈问题", eeb.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DL-STB", eeb.Output, StringComparison.Ordinal);

        var overdue = await Run("tasks", "overdue", "--json");
        var late = JsonNode.Parse(overdue.Output)!.AsArray();
        Assert.NotEmpty(late);
        Assert.All(late, t => Assert.Equal("Overdue", (string?)t!["standing"]!["kind"]));
        var text = await Run("tasks", "overdue", "--unit", "DL-EEB");
        Assert.Contains("overdue", text.Output, StringComparison.Ordinal);

        var table = Path.Combine(database.Folder, "分解表.csv");
        await File.WriteAllBytesAsync(table, DecompositionTables.Csv(
            ["序号", "任务内容", "牵头领导", "牵头单位", "配合单位", "完成时限"],
            ["1", "命令行导入的任务", "李建华", "市科技局", "大连理工", "2030年6月底前"]));
        var dry = await Run("tasks", "import", table, "--origin", "Directive", "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("would be created", dry.Output, StringComparison.Ordinal);
        var imported = await Run("tasks", "import", table, "--origin", "Directive", "--reference", "市委常委会 2021-04-21");
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("1 draft task(s) created.", imported.Output, StringComparison.Ordinal);
        var drafts = await Run("tasks", "list", "--state", "Draft");
        Assert.Contains("命令行导入的任务", drafts.Output, StringComparison.Ordinal);

        await File.WriteAllBytesAsync(table, DecompositionTables.Csv(["序号", "任务内容", "牵头单位", "完成时限"], ["1", "", "火星局", "尽快"]));
        var bad = await Run("tasks", "import", table);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("row 2, 任务内容: The task text is missing.", bad.Error, StringComparison.Ordinal);
        Assert.Contains("row 2, 牵头单位: Unknown unit: 火星局.", bad.Error, StringComparison.Ordinal);
        Assert.Contains("row 2, 完成时限: Not a deadline: 尽快", bad.Error, StringComparison.Ordinal);

        Assert.Equal(2, (await Run("tasks", "list", "--unit", "NO-SUCH")).ExitCode);
        Assert.Equal(2, (await Run("tasks", "import", Path.Combine(database.Folder, "missing.csv"))).ExitCode);
    }

    [Fact]
    public async Task Help_DescribesTheTasksCommands()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Followthrough.Cli.FollowthroughCli.RunAsync(["tasks", "--help"], output, error);
        var help = new CliResult(exit, output.ToString(), error.ToString());
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("import", help.Output, StringComparison.Ordinal);
        Assert.Contains("overdue", help.Output, StringComparison.Ordinal);
    }
}
