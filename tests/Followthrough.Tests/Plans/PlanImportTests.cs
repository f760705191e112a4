using Followthrough.Audit;
using Followthrough.Plans;
using Followthrough.Plans.Files;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Plans;

/// <summary>The import through its service, on a real database: validation of the whole file, idempotence, updates by code, the audit trail.</summary>
public abstract class PlanImportTests(AppFixture app)
{
    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewCode() => "T-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName, ImportOptions? options = null) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<PlanImporter>().ImportAsync(content, fileName, options ?? new ImportOptions()));

    private Task<long> AuditCountAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<AuditEntry>().LongCountAsync());

    private Task<bool> PlanExistsAsync(string code) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<FollowthroughDb>().Set<Plan>().AnyAsync(p => p.Code == code));

    /// <summary>Imports a broken file and checks that it was refused whole: problems reported, no plan, no audit entry.</summary>
    private async Task<IReadOnlyList<ImportProblem>> RefusedAsync(TestPlanFile file)
    {
        var before = await AuditCountAsync();
        var outcome = await ImportAsync(file.Csv(), "plan.csv");
        Assert.False(outcome.Succeeded);
        Assert.False(await PlanExistsAsync(file.Code));
        Assert.Equal(before, await AuditCountAsync());
        return outcome.Problems;
    }

    private static void Reported(IReadOnlyList<ImportProblem> problems, string sheet, int row, string column, string words) =>
        Assert.True(
            problems.Any(p => p.Sheet == sheet && p.Row == row && p.Column == column && p.Message.Contains(words, StringComparison.OrdinalIgnoreCase)),
            $"Expected {sheet}, row {row}, {column}: \"{words}\" among:\n{string.Join("\n", problems)}");

    [Fact]
    public async Task Import_ValidCsv_CreatesTheWholePlan_WithUnitsNamesAndLinksResolved()
    {
        var file = new TestPlanFile(NewCode());
        var outcome = await ImportAsync(file.Csv(), "plan.csv");

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
        Assert.Equal(new ImportSummaryDto(true, 4, 0, 2, 0, 3, outcome.Summary!.ImportId, file.Code), outcome.Summary);
        await using var scope = app.Db();
        var db = scope.Db;
        var plan = await db.Set<Plan>().SingleAsync(p => p.Code == file.Code);
        var items = await db.Set<PlanItem>().Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Code);
        Assert.Equal(items["C1.1"].Id, items["C1.1.1"].ParentId);
        Assert.Equal(2m, items["C1.1.1"].Weight);
        var stb = await app.UnitIdAsync("DL-STB");
        Assert.Equal(stb, items["C1.1"].LeadUnitId); // resolved from the alias 市科技局
        var partners = await db.Set<PlanItemPartner>().Where(p => p.PlanItemId == items["C1"].Id).Select(p => p.UnitId).ToListAsync();
        int[] expectedPartners = [await app.UnitIdAsync("DL-HRS"), await app.UnitIdAsync("DL-IIT")];
        Assert.Equal(expectedPartners.Order(), partners.Order());
        var provincial = await db.Set<PlanItem>().Join(db.Set<Plan>().Where(p => p.Code == "LN-14FYP"), i => i.PlanId, p => p.Id, (i, _) => i).SingleAsync(i => i.Code == "C1.1");
        Assert.Equal(provincial.Id, items["C1.1"].ImplementsItemId);
        var rd = await db.Set<Indicator>().SingleAsync(i => i.PlanId == plan.Id && i.Code == "RD");
        Assert.True(rd.IsIllustrative);
        Assert.Equal(2, await db.Set<IndicatorTarget>().CountAsync(t => t.IndicatorId == rd.Id));
        var values = await db.Set<IndicatorValue>().Where(v => v.IndicatorId == rd.Id).OrderBy(v => v.Year).ToListAsync();
        Assert.Equal([3m, 3.05m], values.Select(v => v.Value));
        Assert.Equal("统计公报", values[1].Note);
        Assert.All(values, v => Assert.Equal("import", v.Source));
    }

    [Fact]
    public async Task Import_WritesOneAuditEntryPerRow_PlusASummary_AndTheChainStillVerifies()
    {
        var file = new TestPlanFile(NewCode());
        var outcome = await ImportAsync(file.Csv(), "plan.csv");
        Assert.True(outcome.Succeeded);

        await using var scope = app.Db();
        var db = scope.Db;
        var planId = await db.Set<Plan>().Where(p => p.Code == file.Code).Select(p => p.Id).SingleAsync();
        var itemIds = (await db.Set<PlanItem>().Where(i => i.PlanId == planId).Select(i => i.Id).ToListAsync()).Select(Key).ToList();
        var entries = await db.Set<AuditEntry>().Where(e => e.EntityType == "plan_items" && itemIds.Contains(e.EntityId)).ToListAsync();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(PlanImporter.Action, e.Action);
            Assert.Contains("plan.csv (SHA-256 ", e.Comment, StringComparison.Ordinal);
            Assert.Contains("\"code\":", e.AfterJson, StringComparison.Ordinal);
        });
        var summary = await db.Set<AuditEntry>().SingleAsync(e => e.EntityType == "plan_imports" && e.EntityId == Key(outcome.Summary!.ImportId!.Value));
        Assert.Equal(PlanImporter.SummaryAction, summary.Action);
        var verification = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(verification.Intact, verification.Problem);
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime()
    {
        var file = new TestPlanFile(NewCode());
        Assert.True((await ImportAsync(file.Xlsx(), "plan.xlsx")).Succeeded);
        var before = await AuditCountAsync();

        var again = await ImportAsync(file.Xlsx(), "plan.xlsx");
        var againCsv = await ImportAsync(file.Csv(chinese: true), "plan.csv");

        Assert.True(again.Succeeded);
        Assert.False(again.Summary!.Applied);
        Assert.Equal(new ImportSummaryDto(false, 0, 0, 0, 0, 0, null, file.Code), again.Summary);
        Assert.False(againCsv.Summary!.Applied);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Import_EditedFile_UpdatesByCode_AndRecordsAChangedValueAsACorrection()
    {
        var file = new TestPlanFile(NewCode());
        Assert.True((await ImportAsync(file.Csv(), "plan.csv")).Succeeded);
        file.Items[2]["text_zh"] = "建设重大创新平台";
        file.Items[2]["parent"] = "C1";
        file.Items[3]["co_units"] = "DL-FIN";
        file.Indicators[0]["yearly_targets"] = "2021:3; 2022:3.2; 2023:3.25";
        file.Values[1]["value"] = "3.08";
        file.Values[1]["note"] = "统计局修订";
        file.Values.Add(new() { ["indicator"] = "RD", ["period"] = "2023", ["value"] = "3.2" });

        var outcome = await ImportAsync(file.Csv(), "edited.csv");

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
        Assert.Equal(new ImportSummaryDto(true, 0, 2, 0, 1, 2, outcome.Summary!.ImportId, file.Code), outcome.Summary);
        await using var scope = app.Db();
        var db = scope.Db;
        var planId = await db.Set<Plan>().Where(p => p.Code == file.Code).Select(p => p.Id).SingleAsync();
        var items = await db.Set<PlanItem>().Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Code);
        Assert.Equal("建设重大创新平台", items["C1.1.1"].TextZh);
        Assert.Equal(items["C1"].Id, items["C1.1.1"].ParentId);
        Assert.Equal(2, items["C1.1.1"].Version);
        var history = await db.Set<AuditEntry>().Where(e => e.EntityType == "plan_items" && e.EntityId == Key(items["C1.1.1"].Id)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["imported", "imported"], history.Select(e => e.Action));
        using (var before = System.Text.Json.JsonDocument.Parse(history[1].BeforeJson!))
        {
            Assert.Equal("建设创新平台", before.RootElement.GetProperty("text_zh").GetString());
        }

        var rd = await db.Set<Indicator>().SingleAsync(i => i.PlanId == planId && i.Code == "RD");
        var values = await db.Set<IndicatorValue>().Where(v => v.IndicatorId == rd.Id && v.Year == 2022).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal([3.05m, 3.08m], values.Select(v => v.Value));
        Assert.Equal(values[0].Id, values[1].SupersedesId);
        Assert.Equal("统计局修订", values[1].Note);
    }

    [Fact]
    public async Task Import_UnknownUnit_IsReportedAtItsCell()
    {
        var file = new TestPlanFile(NewCode());
        file.Items[1]["lead_unit"] = "市不存在局";
        Reported(await RefusedAsync(file), "Items", file.CsvLine("Items", 1), "lead_unit", "not a known unit");
    }

    [Fact]
    public async Task Import_NumberThatIsNotANumber_IsReportedAtItsCell()
    {
        var file = new TestPlanFile(NewCode());
        file.Indicators[0]["baseline_value"] = "2.9%";
        file.Values[0]["value"] = "三";
        var problems = await RefusedAsync(file);
        Reported(problems, "Indicators", file.CsvLine("Indicators", 0), "baseline_value", "is not a number");
        Reported(problems, "Values", file.CsvLine("Values", 0), "value", "is not a number");
    }

    [Fact]
    public async Task Import_ParentThatDoesNotExist_IsReported()
    {
        var file = new TestPlanFile(NewCode());
        file.Items[2]["parent"] = "C9";
        Reported(await RefusedAsync(file), "Items", file.CsvLine("Items", 2), "parent", "'C9' is not an item of this plan");
    }

    [Fact]
    public async Task Import_CycleOfParents_IsReportedOnEveryItemInIt()
    {
        var file = new TestPlanFile(NewCode());
        file.Items[0]["parent"] = "C1.1.1";
        file.Items[0]["kind"] = "measure";
        var problems = await RefusedAsync(file);
        Reported(problems, "Items", file.CsvLine("Items", 0), "parent", "would be its own ancestor");
        Reported(problems, "Items", file.CsvLine("Items", 1), "parent", "would be its own ancestor");
        Reported(problems, "Items", file.CsvLine("Items", 2), "parent", "would be its own ancestor");
    }

    [Fact]
    public async Task Import_DuplicateCode_IsReportedWithTheFirstRow()
    {
        var file = new TestPlanFile(NewCode());
        file.Items[3]["code"] = "C1";
        Reported(await RefusedAsync(file), "Items", file.CsvLine("Items", 3), "code", $"appears more than once (first on row {file.CsvLine("Items", 0)})");
    }

    [Fact]
    public async Task Import_PeriodOutsideThePlan_IsReported()
    {
        var file = new TestPlanFile(NewCode());
        file.Values[0]["period"] = "2026";
        file.Indicators[0]["yearly_targets"] = "2019:2.8";
        var problems = await RefusedAsync(file);
        Reported(problems, "Values", file.CsvLine("Values", 0), "period", "outside the plan");
        Reported(problems, "Indicators", file.CsvLine("Indicators", 0), "yearly_targets", "outside the plan");
    }

    [Fact]
    public async Task Import_UnitOfMeasureMismatch_IsReported_InValuesAndForIndicatorsWithValues()
    {
        var file = new TestPlanFile(NewCode());
        file.Values[0]["measure"] = "天";
        Reported(await RefusedAsync(file), "Values", file.CsvLine("Values", 0), "measure", "Unit of measure mismatch");

        file.Values[0]["measure"] = "%";
        Assert.True((await ImportAsync(file.Csv(), "plan.csv")).Succeeded);
        file.Indicators[0]["measure_zh"] = "‰";
        var outcome = await ImportAsync(file.Csv(), "plan.csv");
        Reported(outcome.Problems, "Indicators", file.CsvLine("Indicators", 0), "measure_zh", "Unit of measure mismatch");
    }

    [Fact]
    public async Task Import_ManyProblems_AreAllReportedInOneGo()
    {
        var file = new TestPlanFile(NewCode());
        file.Plan["level"] = "城市级";
        file.Items[1]["kind"] = "chapter"; // a chapter under a chapter
        file.Items[1]["implements"] = "DL-14FYP:C2"; // same level
        file.Indicators[1]["period_target_upper"] = string.Empty; // a range needs both bounds
        file.Values[2]["period"] = "2021"; // a quarterly indicator
        var problems = await RefusedAsync(file);

        Reported(problems, "Plan", file.CsvLine("Plan", 0), "level", "is not a level");
        Reported(problems, "Items", file.CsvLine("Items", 1), "kind", "cannot sit under");
        Reported(problems, "Indicators", file.CsvLine("Indicators", 1), "period_target_upper", "needs an upper bound");
        Reported(problems, "Values", file.CsvLine("Values", 2), "period", "reported quarterly");
        Assert.True(problems.Count >= 4);
    }

    [Fact]
    public async Task Import_LinkToAPlanOfTheSameLevel_IsRefused()
    {
        var file = new TestPlanFile(NewCode());
        file.Items[1]["implements"] = "DL-14FYP:C2";
        Reported(await RefusedAsync(file), "Items", file.CsvLine("Items", 1), "implements", "not at a higher level");
    }

    [Fact]
    public async Task Import_UnknownColumnsAndMissingRequiredOnes_AreReportedOnTheHeader()
    {
        var file = new TestPlanFile(NewCode());
        var csv = System.Text.Encoding.UTF8.GetString(file.Csv()).Replace(",lead_unit,", ",lead_units,", StringComparison.Ordinal).Replace(",text_zh,", ",text,", StringComparison.Ordinal);
        var outcome = await ImportAsync(System.Text.Encoding.UTF8.GetBytes(csv), "plan.csv");
        Assert.False(outcome.Succeeded);
        Reported(outcome.Problems, "Items", file.CsvLine("Items", 0) - 1, "lead_units", "is not a column");
        Reported(outcome.Problems, "Items", file.CsvLine("Items", 0) - 1, "text_zh", "is missing");
    }

    [Fact]
    public async Task Import_ChineseSheetsAndHeaders_AreReadLikeEnglishOnes()
    {
        var file = new TestPlanFile(NewCode());
        foreach (var item in file.Items)
        {
            item["kind"] = item["kind"] switch { "chapter" => "章", "section" => "节", _ => "重点任务" };
        }

        var outcome = await ImportAsync(file.Xlsx(chinese: true), "规划.xlsx");
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
        Assert.Equal(4, outcome.Summary!.ItemsCreated);
    }

    [Fact]
    public async Task Import_ValuesOfAnotherUnitsIndicator_AreRefusedForUnitStaff()
    {
        var file = new TestPlanFile(NewCode());
        var stb = await app.UnitIdAsync("DL-STB");
        var outcome = await ImportAsync(file.Csv(), "plan.csv", new ImportOptions(MayRecordValuesFor: unit => unit == stb));
        Assert.False(outcome.Succeeded);
        Reported(outcome.Problems, "Values", file.CsvLine("Values", 2), "value", "Only the reporting unit");
        Assert.DoesNotContain(outcome.Problems, p => p.Row == file.CsvLine("Values", 0));
    }

    [Fact]
    public async Task Import_DryRun_CountsButWritesNothing()
    {
        var file = new TestPlanFile(NewCode());
        var before = await AuditCountAsync();
        var outcome = await ImportAsync(file.Csv(), "plan.csv", new ImportOptions(DryRun: true));
        Assert.Equal(new ImportSummaryDto(false, 4, 0, 2, 0, 3, null, file.Code), outcome.Summary);
        Assert.False(await PlanExistsAsync(file.Code));
        Assert.Equal(before, await AuditCountAsync());
    }
}

public sealed class PlanImportOnSqlite(SqliteApp app) : PlanImportTests(app), IClassFixture<SqliteApp>;

public sealed class PlanImportOnPostgreSql(PostgreSqlApp app) : PlanImportTests(app), IClassFixture<PostgreSqlApp>;
