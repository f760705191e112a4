using Followthrough.Audit;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Rules;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>Form fields and auto-approval (秒批) on SQLite and PostgreSQL: answers checked, rules refused at save, decisions.</summary>
public abstract class AutoApprovalTests(AppFixture app)
{
    private static readonly FormFieldInput[] Form =
    [
        new("investment", "总投资（万元）", "Total investment (10,000 yuan)", "Number", true, Min: 0, Max: 1_000_000),
        new("sector", "行业", "Sector", "Choice", true, ["manufacturing", "services", "realEstate"]),
        new("startDate", "计划开工日期", "Planned start", "Date", false),
        new("landReady", "是否已取得用地", "Land secured", "YesNo", false),
        new("projectName", "项目名称", "Project name", "Text", true, MaxLength: 50),
    ];

    private static readonly RuleLineInput[] Lines =
    [
        new("investment <= 50000", "总投资不超过5亿元", "Total investment at most 500 million yuan", false),
        new("sector != 'realEstate'", "房地产项目不适用备案", "Real-estate projects are not filed here", true),
        new("applicantRole == 'enterprise'", "申请人须为企业", "The applicant must be an enterprise", true),
        new("earlierRefusals < 3", "近期未被多次驳回", "Not refused three times before", false),
    ];

    [Fact]
    public async Task Answers_AreCheckedAgainstTheItemsFields_FieldByField_AndNothingIsWritten()
    {
        var (cast, _) = await CastAsync(rules: false);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var bad = await applications.FileAsync(cast.OtherCitizen, new ApplicationInput(cast.Item.Id, new Dictionary<string, string?>
            {
                ["investment"] = "lots",
                ["sector"] = "farming",
                ["startDate"] = "2026/01/01",
                ["landReady"] = "maybe",
                ["colour"] = "blue",
            }));
            var errors = bad.Errors!.ToDictionary();
            Assert.Equal([FormFieldRules.AnswerNumber], errors["answers.investment"]);
            Assert.Equal([FormFieldRules.AnswerChoice], errors["answers.sector"]);
            Assert.Equal([FormFieldRules.AnswerDate], errors["answers.startDate"]);
            Assert.Equal([FormFieldRules.AnswerYesNo], errors["answers.landReady"]);
            Assert.Equal([FormFieldRules.AnswerUnknown], errors["answers.colour"]);
            Assert.Equal([FormFieldRules.AnswerRequired], errors["answers.projectName"]);

            var range = await applications.FileAsync(cast.OtherCitizen, new ApplicationInput(cast.Item.Id, Answers("2000000", projectName: new string('x', 51))));
            Assert.Equal([FormFieldRules.AnswerRange], range.Errors!.ToDictionary()["answers.investment"]);
            Assert.Equal([FormFieldRules.AnswerTooLong], range.Errors!.ToDictionary()["answers.projectName"]);
            Assert.Empty(await applications.MineAsync(cast.OtherCitizen));

            var good = await applications.FileAsync(cast.OtherCitizen, new ApplicationInput(cast.Item.Id, Answers("1200.5")));
            Assert.Equal(ApplicationState.Received, good.Value!.State); // no rules: a person decides
            return null;
        });
    }

    [Fact]
    public async Task FormFields_AreRefusedWhenBad_AndVersionedWithTheItem()
    {
        var unit = await app.UnitIdAsync(ApplicationCast.UnitCode);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var bad = await catalogue.CreateAsync(CatalogueSamples.Item(unit) with
            {
                Fields = [new("1st", "", "x", "Colour", null), new("sector", "行业", "Sector", "Choice", true), new("earlierRefusals", "a", "b", "Number", false, MaxLength: 3)],
            });
            var errors = bad.Errors!.ToDictionary();
            Assert.Contains(FormFieldRules.KeyShape, errors["fields[0]"]);
            Assert.Contains(FormFieldRules.LabelsRequired, errors["fields[0]"]);
            Assert.Contains(FormFieldRules.TypeUnknown, errors["fields[0]"]);
            Assert.Equal([FormFieldRules.ChoicesRequired], errors["fields[1]"]);
            Assert.Equal([FormFieldRules.KeyShape, FormFieldRules.LimitsBad], errors["fields[2]"]);

            var item = (await catalogue.CreateAsync(CatalogueSamples.Item(unit) with { Fields = Form })).Value!;
            Assert.Equal(["investment", "sector", "startDate", "landReady", "projectName"], item.Fields.Select(f => f.Key));
            var version = await catalogue.VersionAsync(item.Id, 1);
            Assert.Equal(FormFieldType.Choice, version!.Item.Fields[1].Type);
            return null;
        });
    }

    [Fact]
    public async Task RulesAreRefusedAtSave_NamingTheLine_ForParseErrorsUnknownNamesWrongKindsAndFunctionsNotAllowed()
    {
        var (cast, _) = await CastAsync(rules: false);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var rules = sp.GetRequiredService<AutoApproval>();
            var outcome = await rules.SaveAsync(cast.Supervisor, cast.Item.Id,
            [
                new("investment <=", "a", "a", false),
                new("turnover > 5", "b", "b", false),
                new("sector > 3", "c", "c", false),
                new("Sqrt(investment) > 3", "d", "d", false),
                new("investment + 1", "e", "e", false),
                new("investment < 10", "", "f", false),
                new("startDate >= startDate and landReady", "g", "g", false),
            ], null);
            var errors = outcome.Errors!.ToDictionary();
            Assert.Equal(["Line 1: " + RuleExpressions.Unparsable], errors["lines[0]"]);
            Assert.Contains("turnover", errors["lines[1]"].Single(), StringComparison.Ordinal);
            Assert.Contains("same kind", errors["lines[2]"].Single(), StringComparison.Ordinal);
            Assert.Contains("Sqrt is not allowed", errors["lines[3]"].Single(), StringComparison.Ordinal);
            Assert.Equal(["Line 5: " + RuleExpressions.NotTrueFalse], errors["lines[4]"]);
            Assert.Equal([AutoApproval.ExplanationsRequired], errors["lines[5]"]);
            Assert.False(errors.ContainsKey("lines[6]"));
            Assert.Contains(RuleExpressions.TooLong, (await rules.SaveAsync(cast.Supervisor, cast.Item.Id, [new(new string('1', 501), "a", "a", false)], null)).Errors!.ToDictionary()["lines[0]"].Single(), StringComparison.Ordinal);
            Assert.Null(await rules.GetAsync(cast.Item.Id));
            Assert.Equal(OutcomeKind.Forbidden, (await rules.SaveAsync(cast.Staff, cast.Item.Id, Lines, null)).Kind);
            return null;
        });
    }

    [Fact]
    public async Task Filing_IsApprovedRejectedOrSentToAPerson_ByTheRules_RecordingTheRuleVersion()
    {
        var (cast, set) = await CastAsync(rules: true);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var applications = sp.GetRequiredService<ServiceApplications>();
            var rules = sp.GetRequiredService<AutoApproval>();
            var enterprise = cast.OtherCitizen; // the cast's enterprise account

            var approved = (await applications.FileAsync(enterprise, new ApplicationInput(cast.Item.Id, Answers("1200")))).Value!;
            Assert.Equal(ApplicationState.Approved, approved.State);
            Assert.Equal([ApplicationStep.Filed, ApplicationStep.Accepted, ApplicationStep.Approved], approved.Steps.Select(s => s.Step));
            Assert.Equal(["rules v1", "rules v1"], approved.Steps.Skip(1).Select(s => s.TakenBy));
            Assert.NotNull(approved.AcceptedOn);
            var decision = (await rules.DecisionAsync(enterprise, approved.Id)).Value!;
            Assert.Equal((AutoOutcome.Approved, 1, 4), (decision.Outcome, decision.RuleVersion, decision.Lines.Count));
            Assert.Equal("1200", decision.Lines[0].Inputs["investment"]);
            Assert.All(decision.Lines, l => Assert.True(l.Result));
            Assert.Equal(OutcomeKind.NotFound, (await rules.DecisionAsync(cast.Applicant, approved.Id)).Kind);

            var rejected = (await applications.FileAsync(enterprise, new ApplicationInput(cast.Item.Id, Answers("1200", "realEstate")))).Value!;
            Assert.Equal(ApplicationState.Rejected, rejected.State);
            Assert.Contains("Real-estate projects are not filed here", rejected.Reason, StringComparison.Ordinal);

            var big = (await applications.FileAsync(enterprise, new ApplicationInput(cast.Item.Id, Answers("90000")))).Value!;
            Assert.Equal(ApplicationState.Received, big.State);
            Assert.Equal(AutoOutcome.ToPerson, (await rules.DecisionAsync(cast.Staff, big.Id)).Value!.Outcome);

            // a citizen is refused by a refusal line
            var citizen = (await applications.FileAsync(cast.Applicant, new ApplicationInput(cast.Item.Id, Answers("10")))).Value!;
            Assert.Equal(ApplicationState.Rejected, citizen.State);

            // a line over an optional field left empty cannot be decided: a person decides, and why is recorded
            var changed = (await rules.SaveAsync(cast.Supervisor, cast.Item.Id, [.. Lines, new("landReady", "已取得用地", "Land is secured", false)], set.Version)).Value!;
            Assert.Equal(2, changed.RuleVersion);
            var undecided = (await applications.FileAsync(enterprise, new ApplicationInput(cast.Item.Id, Answers("10")))).Value!;
            Assert.Equal(ApplicationState.Received, undecided.State);
            var why = (await rules.DecisionAsync(enterprise, undecided.Id)).Value!;
            Assert.Equal((AutoOutcome.ToPerson, 2), (why.Outcome, why.RuleVersion));
            Assert.Null(why.Lines[^1].Result);
            Assert.Contains("landReady", why.Lines[^1].Problem, StringComparison.Ordinal);

            // switched off: everything goes to a person, and the switch is audited
            var stale = await rules.SwitchAsync(cast.Supervisor, cast.Item.Id, false, set.Version);
            Assert.Equal(OutcomeKind.Stale, stale.Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await rules.SwitchAsync(cast.Staff, cast.Item.Id, false, changed.Version)).Kind);
            var off = (await rules.SwitchAsync(cast.Supervisor, cast.Item.Id, false, changed.Version)).Value!;
            Assert.False(off.AutomationOn);
            var person = (await applications.FileAsync(enterprise, new ApplicationInput(cast.Item.Id, Answers("1200")))).Value!;
            Assert.Equal(ApplicationState.Received, person.State);
            Assert.Equal(OutcomeKind.NotFound, (await rules.DecisionAsync(enterprise, person.Id)).Kind);
            var history = await sp.GetRequiredService<AuditTrail>().HistoryAsync("service_rule_sets", await RuleSetIdAsync(sp, cast.Item.Id));
            Assert.Equal(["rules-changed", "rules-changed", "automation-off"], history.Select(h => h.Action));
            return null;
        });
    }

    [Fact]
    public void TheSandbox_RefusesFunctionsNotOnTheList_AndEvaluatesOnlyWithTheValuesGiven()
    {
        var names = new Dictionary<string, RuleValueKind> { ["amount"] = RuleValueKind.Number, ["name"] = RuleValueKind.Text };
        Assert.Null(RuleExpressions.Check("Max(amount, 3) > 2 and in(name, 'a', 'b') and if(amount > 1, true, false)", names));
        Assert.NotNull(RuleExpressions.Check("GetType(name) == 'x'", names));
        Assert.NotNull(RuleExpressions.Check("Pow(amount, 2) > 1", names));
        Assert.NotNull(RuleExpressions.Check("name like 'a%'", names));
        Assert.Equal((true, null), RuleExpressions.Evaluate("amount * 2 > 3", new Dictionary<string, object> { ["amount"] = 2m }));
        Assert.Null(RuleExpressions.Evaluate("amount / 0 > 3", new Dictionary<string, object> { ["amount"] = 2m }).Result);
    }

    [Fact]
    public async Task Demo_ProjectFiling_IsDecidedByTheRules_ApprovedRejectedAndLeftForAPerson()
    {
        var decisions = await app.WithServicesAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>().Set<ServiceAutoDecision>().Where(d => d.Application!.ItemCode == "DL-DRC-001")
                .Select(d => new { d.Outcome, d.RuleVersion, d.Application!.State })));
        Assert.Equal([AutoOutcome.Approved, AutoOutcome.Rejected, AutoOutcome.ToPerson], decisions.Select(d => d.Outcome).Order());
        Assert.All(decisions, d => Assert.Equal(1, d.RuleVersion));
        Assert.Equal([ApplicationState.Received, ApplicationState.Approved, ApplicationState.Rejected], decisions.Select(d => d.State).Order());
    }

    [Fact]
    public async Task Import_ReadsTheFieldsSheet_ReportingEveryBadCell_AndWritesAllOrNothing()
    {
        var code = CatalogueSamples.NewCode("FLD");
        string[] item = [code, "企业投资项目备案", "Project filing", "DL-DRC", "Filing", "Online", "3", "0", "0", "0", "yes", "", "", "no"];
        static List<Followthrough.Storage.Files.TableRow> Rows(string[] header, IEnumerable<string[]> rows) =>
            [new(1, header), .. rows.Select((r, i) => new Followthrough.Storage.Files.TableRow(i + 2, r))];
        byte[] Book(params string[][] fields) => Followthrough.Storage.Files.SpreadsheetWriter.Xlsx(
        [
            new(CatalogueFileLayout.ItemsSheet, Rows(CatalogueFileLayout.ItemColumns, [item])),
            new("Fields", Rows(CatalogueFieldsSheet.Columns, fields)),
        ]);
        var bad = Book(
            [code, "amount", "金额", "Amount", "Number", "yes", "", "", "0", "lots"],
            [code, "sector", "行业", "Sector", "Choice", "maybe", "", "", "", ""],
            ["NO-SUCH", "x", "甲", "X", "Text", "no", "", "", "", ""],
            [code, "when", "日期", "", "Colour", "no", "", "", "", ""]);
        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(bad, "bad.xlsx"));
        var found = result.Problems.Select(p => (p.Sheet, p.Row, p.Column)).ToList();
        Assert.False(result.Written);
        Assert.Contains(("Fields", 2, "max"), found);
        Assert.Contains(("Fields", 3, "required"), found);
        Assert.Contains(("Fields", 4, "item_code"), found);
        Assert.Contains(("Fields", 5, "key"), found); // no English label, no such type
        Assert.Contains(("Fields", 3, "key"), found); // a choice field without choices
        Assert.Null(await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetByCodeAsync(code)));

        var good = Book([code, "amount", "金额", "Amount", "Number", "yes", "", "", "0", "5000"], [code, "sector", "行业", "Sector", "Choice", "no", "a;b", "", "", ""]);
        Assert.True((await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(good, "good.xlsx"))).Written);
        var saved = (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetByCodeAsync(code)))!;
        Assert.Equal([("amount", FormFieldType.Number, true, 5000m), ("sector", FormFieldType.Choice, false, (decimal?)null)],
            saved.Fields.Select(f => (f.Key, f.Type, f.Required, f.Max)));
    }

    private static async Task<int> RuleSetIdAsync(IServiceProvider sp, int itemId) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<Followthrough.Storage.FollowthroughDb>().Set<ServiceRuleSet>().Where(r => r.ItemId == itemId).Select(r => r.Id));

    private static Dictionary<string, string?> Answers(string investment, string sector = "manufacturing", string projectName = "新材料生产线") => new()
    {
        ["investment"] = investment,
        ["sector"] = sector,
        ["projectName"] = projectName,
    };

    private async Task<(ApplicationCast Cast, RuleSetEntry Set)> CastAsync(bool rules)
    {
        var basic = await ApplicationCast.CreateAsync(app);
        var item = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(basic.Item.UnitId) with { Fields = Form, AutoDecidable = true })).Value!);
        var cast = basic with { Item = item };
        if (!rules)
        {
            return (cast, null!);
        }

        var set = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AutoApproval>().SaveAsync(cast.Supervisor, item.Id, Lines, null)).Value!);
        return (cast, set);
    }
}

public sealed class AutoApprovalOnSqlite(SqliteApp app) : AutoApprovalTests(app), IClassFixture<SqliteApp>;

public sealed class AutoApprovalOnPostgreSql(PostgreSqlApp app) : AutoApprovalTests(app), IClassFixture<PostgreSqlApp>;
