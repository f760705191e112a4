using Followthrough.Services.Catalogue;
using Followthrough.Storage.Files;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// Review steps (审查环节) on an item, on SQLite and PostgreSQL: saved with the item's version, refused when they do not
/// fit the committed limit or a cell is bad, and carried through the catalogue workbook's ReviewSteps sheet.
/// </summary>
public abstract class ReviewStepsCatalogueTests(AppFixture app)
{
    internal static readonly ReviewStepInput[] TwoSteps =
    [
        new("材料审查", "Check of the file", 2, "WindowOfficer"),
        new("现场核查", "On-site check", 3, "Reviewer"),
    ];

    [Fact]
    public async Task Steps_AreSavedPerVersion_AndOnesThatDoNotFitTheCommittedLimitAreRefused()
    {
        var unit = await app.UnitIdAsync("DL-MSA");
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var input = CatalogueSamples.Item(unit, committed: 5) with { ReviewSteps = TwoSteps };
            var created = (await catalogue.CreateAsync(input)).Value!;
            Assert.Equal([("材料审查", 2, Followthrough.Services.Duties.ServiceDuty.WindowOfficer), ("现场核查", 3, Followthrough.Services.Duties.ServiceDuty.Reviewer)],
                created.ReviewSteps.Select(s => (s.NameZh, s.Days, s.Duty)));

            var tooLong = await catalogue.UpdateAsync(created.Id, input with { ReviewSteps = [.. TwoSteps, new("审核", "Review", 1, "Approver")] }, created.Version);
            Assert.Equal([ReviewStepRules.OverCommitted], tooLong.Errors!.ToDictionary()["reviewSteps"]);

            var bad = await catalogue.UpdateAsync(created.Id, input with { ReviewSteps = [new("", "Check", 0, "Boss")] }, created.Version);
            var errors = bad.Errors!.ToDictionary()["reviewSteps[0]"];
            Assert.Contains(ReviewStepRules.NamesRequired, errors);
            Assert.Contains(ReviewStepRules.DaysRange, errors);
            Assert.Contains(ReviewStepRules.DutyUnknown, errors);

            var shorter = await catalogue.UpdateAsync(created.Id, input with { CommittedDays = 4, ReviewSteps = null }, created.Version);
            Assert.Equal([ReviewStepRules.OverCommitted], shorter.Errors!.ToDictionary()["reviewSteps"]); // the kept steps no longer fit

            var changed = (await catalogue.UpdateAsync(created.Id, input with { ReviewSteps = [TwoSteps[1]] }, created.Version)).Value!;
            Assert.Equal(2, changed.Version);
            Assert.Single(changed.ReviewSteps);
            Assert.Equal(2, (await catalogue.VersionAsync(created.Id, 1))!.Item.ReviewSteps.Count);
            Assert.Single((await catalogue.VersionAsync(created.Id, 2))!.Item.ReviewSteps);

            var kept = (await catalogue.UpdateAsync(created.Id, input with { NameEn = "Renamed", ReviewSteps = null }, changed.Version)).Value!;
            Assert.Single(kept.ReviewSteps); // not sent: kept
            var none = (await catalogue.UpdateAsync(created.Id, input with { ReviewSteps = [] }, kept.Version)).Value!;
            Assert.Empty(none.ReviewSteps);
            return null;
        });
    }

    [Fact]
    public async Task TheWorkbook_CarriesTheSteps_AndReportsEveryBadCell_WritingNothing()
    {
        var unit = await app.UnitIdAsync("DL-MSA");
        var created = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ServiceCatalogue>().CreateAsync(CatalogueSamples.Item(unit, committed: 5) with { ReviewSteps = TwoSteps })).Value!);
        var exported = await app.WithServicesAsync(async sp =>
        {
            using var buffer = new MemoryStream();
            await sp.GetRequiredService<CatalogueTransfer>().ExportAsync(buffer);
            return buffer.ToArray();
        });
        var sheets = UntrustedFile.ReadWorkbook(exported, new FileLimits());
        var steps = sheets.Single(s => s.Name == CatalogueReviewStepsSheet.Name);
        Assert.Contains(steps.Rows, r => r.Cells[0] == created.Code && r.Cells[1] == "现场核查" && r.Cells[3] == "3" && r.Cells[4] == "Reviewer");

        var back = await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(exported, "service-catalogue.xlsx"));
        Assert.True(back.Succeeded, string.Join('\n', back.Problems));
        Assert.Equal(created.Version, (await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetAsync(created.Id)))!.Version);

        var itemRow = sheets.Single(s => s.Name == CatalogueFileLayout.ItemsSheet).Rows.First(r => r.Cells[0] == created.Code);
        List<TableRow> Rows(params string[][] rows) => [new TableRow(1, CatalogueReviewStepsSheet.Columns), .. rows.Select((r, i) => new TableRow(i + 2, r))];
        var bad = SpreadsheetWriter.Xlsx(
        [
            new TableSheet(CatalogueFileLayout.ItemsSheet, [sheets[0].Rows[0], new TableRow(2, itemRow.Cells)]),
            new TableSheet(CatalogueReviewStepsSheet.Name, Rows(
                [created.Code, "材料审查", "Check of the file", "two", "WindowOfficer"],
                [created.Code, "现场核查", "On-site check", "3", "Boss"],
                [created.Code, "", "Review", "4", "Approver"],
                ["NO-SUCH-ITEM", "审核", "Review", "1", "Approver"])),
        ]);
        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<CatalogueTransfer>().ImportAsync(bad, "bad.xlsx"));
        Assert.False(result.Written);
        var found = result.Problems.Select(p => (p.Sheet, p.Row, p.Column)).ToList();
        Assert.Contains(("ReviewSteps", 2, "working_days"), found);
        Assert.Contains(("ReviewSteps", 3, "duty"), found);
        Assert.Contains(("ReviewSteps", 4, "name_zh/name_en"), found);
        Assert.Contains(("ReviewSteps", 5, "item_code"), found);
        Assert.Contains(("Items", 2, "committed_days"), found); // 1 + 3 + 4 working days past the committed 5
        var after = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().GetAsync(created.Id));
        Assert.Equal((created.Version, 2), (after!.Version, after.ReviewSteps.Count));
    }
}

public sealed class ReviewStepsCatalogueOnSqlite(SqliteApp app) : ReviewStepsCatalogueTests(app), IClassFixture<SqliteApp>;

public sealed class ReviewStepsCatalogueOnPostgreSql(PostgreSqlApp app) : ReviewStepsCatalogueTests(app), IClassFixture<PostgreSqlApp>;
