using Followthrough.Audit;
using Followthrough.Services.Catalogue;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Followthrough.Tests.Services.CatalogueSamples;

namespace Followthrough.Tests.Services;

/// <summary>The catalogue's rules and search, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).</summary>
public abstract class CatalogueTests(AppFixture app)
{
    [Fact]
    public async Task EveryChange_MakesANewVersion_KeepsTheOldOnes_AndIsAudited()
    {
        var unit = await app.UnitIdAsync("DL-MSA");
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var created = await catalogue.CreateAsync(Item(unit, nameEn: "Signboard permit"));
            Assert.True(created.IsDone, created.Errors?.ToDictionary().ToString());
            var item = created.Value!;
            Assert.Equal(1, item.Version);

            var changed = await catalogue.UpdateAsync(item.Id, Item(unit, item.Code, nameEn: "Outdoor signboard permit", committed: 3), 1);
            Assert.Equal((2, "Outdoor signboard permit", 3), (changed.Value!.Version, changed.Value.NameEn, changed.Value.CommittedDays));

            var same = await catalogue.UpdateAsync(item.Id, Item(unit, item.Code, nameEn: "Outdoor signboard permit", committed: 3), 2);
            Assert.Equal(2, same.Value!.Version); // nothing changed, no new version

            var stale = await catalogue.UpdateAsync(item.Id, Item(unit, item.Code, nameEn: "Lost update"), 1);
            Assert.Equal((OutcomeKind.Stale, 2), (stale.Kind, stale.CurrentVersion));

            var noReason = await catalogue.WithdrawAsync(item.Id, " ", 2);
            Assert.Equal(OutcomeKind.Invalid, noReason.Kind);
            var withdrawn = await catalogue.WithdrawAsync(item.Id, "Merged into the one-window licence", 2);
            Assert.True(withdrawn.Value!.Withdrawn);
            Assert.Equal(3, withdrawn.Value.Version);
            Assert.Equal(OutcomeKind.NotNow, (await catalogue.UpdateAsync(item.Id, Item(unit, item.Code), 3)).Kind);
            Assert.Equal(OutcomeKind.NotNow, (await catalogue.WithdrawAsync(item.Id, "again", 3)).Kind);

            var versions = await catalogue.VersionsAsync(item.Id);
            Assert.Equal(["created", "updated", "withdrawn"], versions.Select(v => v.Change));
            Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
            var first = await catalogue.VersionAsync(item.Id, 1);
            Assert.Equal(("Signboard permit", 5, item.Id), (first!.Item.NameEn, first.Item.CommittedDays, first.Item.Id));
            Assert.Equal(2, first.Item.Materials.Count);
            Assert.True(first.Item.Materials[1].ElectronicLicence);

            var history = await sp.GetRequiredService<AuditTrail>().HistoryAsync("service_items", item.Id);
            Assert.Equal(["created", "updated", "withdrawn"], history.Select(h => h.Action));
            Assert.Equal("Merged into the one-window licence", history[^1].Comment);
            return null;
        });
    }

    [Fact]
    public async Task BadItems_AreRefusedFieldByField_AndNothingIsWritten()
    {
        var unit = await app.UnitIdAsync("DL-MSA");
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var bad = Item(unit, code: "bad code!", level: "Online", visits: 1, statutory: 10, committed: 12) with
            {
                NameZh = "",
                Kind = "Licence",
                Fee = -1,
                Materials = [new MaterialInput("申请书", null, "Fax", false)],
            };
            var outcome = await catalogue.CreateAsync(bad);
            Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
            Assert.Equal(
                ["code", "committedDays", "fee", "kind", "materials[0]", "nameZh", "visits"],
                outcome.Errors!.ToDictionary().Keys.Order(StringComparer.Ordinal));

            var unknownUnit = await catalogue.CreateAsync(Item(999_999));
            Assert.Equal([ServiceItemRules.UnitUnknown], unknownUnit.Errors!.ToDictionary()["unitId"]);

            var first = await catalogue.CreateAsync(Item(unit));
            var twice = await catalogue.CreateAsync(Item(unit, first.Value!.Code));
            Assert.Equal([ServiceItemRules.CodeTaken], twice.Errors!.ToDictionary()["code"]);
            Assert.Null(await catalogue.GetByCodeAsync("bad code!"));
            return null;
        });
    }

    [Fact]
    public async Task Search_FindsChineseByTwoAndThreeCharacters_AndEnglishInAnyCase_NotWithdrawnItems()
    {
        var unit = await app.UnitIdAsync("DL-NRB");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var whale = (await catalogue.CreateAsync(Item(unit, nameZh: $"鲸鲨观测船登记{tag}", nameEn: $"Whale shark observation boat registration {tag}"))).Value!;
            var kelp = (await catalogue.CreateAsync(Item(unit, nameZh: $"海带养殖用海备案{tag}", nameEn: $"Kelp farming sea use filing {tag}"))).Value!;
            var gone = (await catalogue.CreateAsync(Item(unit, nameZh: $"鲸鲨标本收藏许可{tag}", nameEn: $"Whale shark specimen permit {tag}"))).Value!;
            await catalogue.WithdrawAsync(gone.Id, "No longer issued", 1);

            async Task<List<int>> Find(string q, bool withdrawn = false) =>
                [.. (await catalogue.SearchAsync(new CatalogueFilter(q, IncludeWithdrawn: withdrawn), new PageRequest(1, 200))).Items.Select(i => i.Id)];

            Assert.Equal([whale.Id], await Find("鲸鲨"));               // two characters: LIKE
            Assert.Equal([whale.Id], await Find("观测船"));             // three characters: the trigram index
            Assert.Equal([kelp.Id], await Find("养殖用海"));
            Assert.Equal([whale.Id], await Find($"WHALE SHARK OBSERVATION BOAT REGISTRATION {tag}"));
            Assert.Equal([kelp.Id], await Find($"farming sea use filing {tag}"));
            Assert.Equal([kelp.Id], await Find(kelp.Code.ToLowerInvariant()));
            var withWithdrawn = await Find("whale shark", withdrawn: true);
            Assert.Contains(whale.Id, withWithdrawn);
            Assert.Contains(gone.Id, withWithdrawn);
            Assert.Contains(gone.Id, await Find($"specimen permit {tag}", withdrawn: true));
            Assert.Empty(await Find($"specimen permit {tag}"));
            Assert.Empty(await Find($"鲸鲨观测船{tag}x"));
            Assert.Empty(await Find("%"));
            return null;
        });
    }

    [Fact]
    public async Task Search_MatchingMoreThanAPage_CountsEveryMatch_AndPagesInCodeOrder()
    {
        // A common word matches hundreds of items; the matches narrow the filtered query as one statement (issue 15).
        var nrb = await app.UnitIdAsync("DL-NRB");
        var msa = await app.UnitIdAsync("DL-MSA");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var codes = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var created = await catalogue.CreateAsync(Item(i % 3 == 0 ? msa : nrb, code: $"P{tag}-{i:D2}", nameZh: $"海域使用{tag}", nameEn: $"Sea use {tag} {i}"));
                codes.Add(created.Value!.Code);
            }

            var first = await catalogue.SearchAsync(new CatalogueFilter($"sea use {tag}"), new PageRequest(1, 10));
            Assert.Equal(30, first.Total);
            Assert.Equal(codes.Order(StringComparer.Ordinal).Take(10), first.Items.Select(i => i.Code));
            var third = await catalogue.SearchAsync(new CatalogueFilter($"海域使用{tag}"), new PageRequest(3, 10));
            Assert.Equal((30, 10), (third.Total, third.Items.Count));
            Assert.Equal(codes.Order(StringComparer.Ordinal).Skip(20), third.Items.Select(i => i.Code));
            var inMsa = await catalogue.SearchAsync(new CatalogueFilter($"P{tag}", UnitId: msa), new PageRequest(1, 50));
            Assert.Equal(10, inMsa.Total);
            Assert.All(inMsa.Items, i => Assert.Equal(msa, i.UnitId));
            Assert.Empty((await catalogue.SearchAsync(new CatalogueFilter($"p{tag}_0"), new PageRequest(1, 50))).Items); // '_' is a character, not a wildcard
            return null;
        });
    }

    [Fact]
    public async Task Filters_ByUnitLevelAndLifeEvent_CombineWithTheSearch()
    {
        var nrb = await app.UnitIdAsync("DL-NRB");
        var msa = await app.UnitIdAsync("DL-MSA");
        var tag = "event-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var a = (await catalogue.CreateAsync(Item(nrb, level: "AtMostOnce", visits: 1, lifeEvents: [tag, "搬家"]))).Value!;
            var b = (await catalogue.CreateAsync(Item(msa, level: "OnThePalm", lifeEvents: [tag]))).Value!;
            var c = (await catalogue.CreateAsync(Item(msa, level: "RunImmediately", visits: 1))).Value!;

            async Task<List<int>> Find(CatalogueFilter filter) =>
                [.. (await catalogue.SearchAsync(filter, new PageRequest(1, 200))).Items.Select(i => i.Id).Where(id => id == a.Id || id == b.Id || id == c.Id)];

            Assert.Equal([a.Id, b.Id], (await Find(new CatalogueFilter(LifeEvent: tag))).Order());
            Assert.Equal([b.Id], await Find(new CatalogueFilter(LifeEvent: tag, UnitId: msa)));
            Assert.Equal([b.Id], await Find(new CatalogueFilter(LifeEvent: tag, Level: DeliveryLevel.OnThePalm)));
            Assert.Equal([c.Id], await Find(new CatalogueFilter(c.Code, UnitId: msa)));
            Assert.Empty(await Find(new CatalogueFilter(c.Code, UnitId: nrb)));
            Assert.Contains(tag, await catalogue.LifeEventsAsync());
            return null;
        });
    }

    [Fact]
    public async Task Demo_HasAboutFortyDalianItems_AtAllFourLevels_WithAutoDecidedAndWithdrawnOnes()
    {
        var all = await app.WithServicesAsync(sp => sp.GetRequiredService<ServiceCatalogue>().AllAsync());
        var demo = all.Where(i => Followthrough.Demo.DemoCatalogue.Codes.Contains(i.Code)).ToList();
        Assert.InRange(demo.Count, 38, 45);
        Assert.Equal(Enum.GetValues<DeliveryLevel>().Order(), demo.Select(i => i.Level).Distinct().Order());
        Assert.True(demo.Single(i => i.Code == "DL-DRC-001").AutoDecidable); // enterprise investment project filing
        Assert.True(demo.Count(i => i.AutoDecidable) >= 5);
        var withdrawn = Assert.Single(demo, i => i.Withdrawn);
        Assert.Equal((Followthrough.Demo.DemoCatalogue.WithdrawnCode, 2), (withdrawn.Code, withdrawn.Version));
        Assert.All(demo, i => Assert.True(i.CommittedDays <= i.StatutoryDays));
        Assert.True(demo.Select(i => i.UnitId).Distinct().Count() >= 10);
    }
}

public sealed class CatalogueOnSqlite(SqliteApp app) : CatalogueTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogueOnPostgreSql(PostgreSqlApp app) : CatalogueTests(app), IClassFixture<PostgreSqlApp>;
