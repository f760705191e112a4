using Followthrough.Services.Applications;
using Followthrough.Services.Bundles;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Clock;
using Followthrough.Storage;
using Followthrough.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>"One thing, one time" bundles on both databases: one form fans out to each unit under its own clock, all or
/// nothing, a shared field or material asked once, one status for the applicant, and who may see what.</summary>
public abstract class BundlesTests(AppFixture app)
{
    [Fact]
    public async Task FilingABundle_FansOutToEachUnit_EachUnderItsOwnClock()
    {
        var cast = await BundleCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var filed = await sp.GetRequiredService<BundleApplications>().FileAsync(cast.Applicant, cast.Complete());
            Assert.True(filed.IsDone, string.Join("; ", filed.Errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? []));
            var bundle = filed.Value!;
            Assert.Equal(BundleProgress.InProgress, bundle.Progress);
            var fannedOut = new List<(int, int)>();
            foreach (var part in bundle.Parts)
            {
                fannedOut.Add(((await Application(sp, cast.Applicant, part.ApplicationId)).ItemId, part.UnitId));
            }

            Assert.Equal([(cast.First.Id, cast.First.UnitId), (cast.Second.Id, cast.Second.UnitId)], fannedOut);
            Assert.NotEqual(cast.First.UnitId, cast.Second.UnitId);

            var applications = sp.GetRequiredService<ServiceApplications>();
            var first = await applications.TakeStepAsync(cast.FirstStaff, bundle.Parts[0].ApplicationId, ApplicationStep.Accepted, ApplicationCast.Complete, 1);
            var second = await applications.TakeStepAsync(cast.SecondStaff, bundle.Parts[1].ApplicationId, ApplicationStep.Accepted, ApplicationCast.Complete, 1);
            var wrongUnit = await applications.TakeStepAsync(cast.FirstStaff, bundle.Parts[1].ApplicationId, ApplicationStep.Refused, ApplicationCast.Complete, 2);
            Assert.Equal(OutcomeKind.NotFound, wrongUnit.Kind); // each part is its own unit's, as any application
            var today = sp.GetRequiredService<FollowthroughDb>().Clock.Today();
            var clock = sp.GetRequiredService<ServiceClock>();
            Assert.Equal((await clock.DueAsync(today, 5)).Due, first.Value!.CommittedDue);
            Assert.Equal((await clock.DueAsync(today, 10)).Due, second.Value!.CommittedDue);
            Assert.Equal((5, 10), (first.Value.CommittedDays, second.Value.CommittedDays));

            var followed = (await sp.GetRequiredService<BundleApplications>().GetAsync(cast.Applicant, bundle.Id)).Value!;
            Assert.Equal([first.Value.CommittedDue, second.Value.CommittedDue], followed.Parts.Select(p => p.CommittedDue));
            Assert.Equal(new BundleMembership(bundle.Id, bundle.NameZh, bundle.NameEn), await sp.GetRequiredService<BundleApplications>().MembershipAsync(bundle.Parts[1].ApplicationId));
            return null;
        });
    }

    [Fact]
    public async Task OnePartsMissingMaterial_WritesNothingAtAll_AndTheErrorNamesThePart()
    {
        var cast = await BundleCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var db = sp.GetRequiredService<FollowthroughDb>();
            var before = (await db.Set<ServiceApplication>().CountAsync(), await db.Set<ServiceBundleApplication>().CountAsync(), await db.Set<ServiceBundlePart>().CountAsync());

            // the lease (the bundle's third material) only the second part needs; no seats either
            var filed = await sp.GetRequiredService<BundleApplications>().FileAsync(cast.Applicant, cast.Complete(skipMaterial: 2) with
            {
                Answers = new Dictionary<string, string?> { ["shopName"] = "海湾小馆" },
            });

            Assert.Equal(OutcomeKind.Invalid, filed.Kind);
            var errors = filed.Errors!.ToDictionary();
            Assert.Equal(["parts[1].answers.seats", "parts[1].materials[2]"], errors.Keys.Order(StringComparer.Ordinal));
            Assert.Equal([Followthrough.Services.Materials.ApplicantMaterials.MaterialRequired], errors["parts[1].materials[2]"]);
            Assert.Equal(before, (await db.Set<ServiceApplication>().CountAsync(), await db.Set<ServiceBundleApplication>().CountAsync(), await db.Set<ServiceBundlePart>().CountAsync()));
            Assert.Empty(await sp.GetRequiredService<ServiceApplications>().MineAsync(cast.Applicant));
            return null;
        });
    }

    [Fact]
    public void TheOneForm_AsksASharedFieldAndASharedMaterialOnce_RequiredIfAnyPartRequiresIt()
    {
        FormField Field(string key, bool required) => new(key, key, key, FormFieldType.Text, required, []);
        ServiceItemEntry Item(FormField[] fields, ServiceMaterial[] materials) => new(
            1, "X", "x", "x", 1, ServiceKind.AdministrativeLicensing, "", 20, 5, DeliveryLevel.Online, 0, materials, 0, [], false, false, null, 1, DateTime.UnixEpoch)
        { Fields = fields };
        var licence = new ServiceMaterial("营业执照", "Business licence", MaterialFormat.Copy, true);
        var form = BundleRules.Form([
            Item([Field("shopName", false)], [licence, new("申请书", "Application form", MaterialFormat.Form, false)]),
            Item([Field("shopName", true), Field("seats", true)], [licence with { NameZh = "营业 执照", ElectronicLicence = false }]),
        ]);

        Assert.Equal([("shopName", true), ("seats", true)], form.Fields.Select(f => (f.Key, f.Required)));
        Assert.Equal([("营业执照", false, new[] { 0, 1 }), ("申请书", false, new[] { 0 })], form.Materials.Select(m => (m.NameZh, m.ElectronicLicence, m.Parts.ToArray())));
    }

    [Fact]
    public async Task TheStatus_InProgress_ThenWaitingForYou_ThenFinishedWithTheRefusedPartAndItsReason()
    {
        var cast = await BundleCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var bundles = sp.GetRequiredService<BundleApplications>();
            var applications = sp.GetRequiredService<ServiceApplications>();
            var filed = (await bundles.FileAsync(cast.Applicant, cast.Complete())).Value!;
            var (first, second) = (filed.Parts[0].ApplicationId, filed.Parts[1].ApplicationId);

            Assert.True((await applications.TakeStepAsync(cast.FirstStaff, first, ApplicationStep.SupplementRequested, ApplicationCast.Complete, 1)).IsDone);
            var waiting = (await bundles.GetAsync(cast.Applicant, filed.Id)).Value!;
            Assert.Equal(BundleProgress.WaitingForYou, waiting.Progress);
            Assert.Equal(["Lease contract of the premises"], waiting.Parts[0].Missing);

            Assert.True((await applications.TakeStepAsync(cast.SecondStaff, second, ApplicationStep.Refused, ApplicationCast.Complete, 1)).IsDone);
            Assert.Equal(BundleProgress.WaitingForYou, (await bundles.GetAsync(cast.Applicant, filed.Id)).Value!.Progress);
            Assert.True((await applications.TakeStepAsync(cast.Applicant, first, ApplicationStep.Resubmitted, ApplicationCast.Complete, 2)).IsDone);
            Assert.Equal(BundleProgress.InProgress, (await bundles.GetAsync(cast.Applicant, filed.Id)).Value!.Progress);
            Assert.True((await applications.TakeStepAsync(cast.FirstStaff, first, ApplicationStep.Accepted, ApplicationCast.Complete, 3)).IsDone);
            Assert.True((await applications.TakeStepAsync(cast.FirstApprover, first, ApplicationStep.Approved, ApplicationCast.Complete, 4)).IsDone);

            var finished = (await bundles.GetAsync(cast.Applicant, filed.Id)).Value!;
            Assert.Equal(BundleProgress.Finished, finished.Progress);
            Assert.Equal([(ApplicationState.Approved, null), (ApplicationState.Refused, ApplicationCast.Complete.Reason)], finished.Parts.Select(p => (p.State, p.Reason)));
            Assert.Contains(await bundles.MineAsync(cast.Applicant), b => b.Id == filed.Id && b.Progress == BundleProgress.Finished);
            return null;
        });
    }

    [Theory]
    [InlineData(new[] { ApplicationState.Received, ApplicationState.Approved }, BundleProgress.InProgress)]
    [InlineData(new[] { ApplicationState.SupplementRequested, ApplicationState.Accepted }, BundleProgress.WaitingForYou)]
    [InlineData(new[] { ApplicationState.Delivered, ApplicationState.Rejected, ApplicationState.Withdrawn }, BundleProgress.Finished)]
    [InlineData(new[] { ApplicationState.Refused, ApplicationState.Approved }, BundleProgress.Finished)]
    public void Progress_IsDerivedFromTheParts(ApplicationState[] parts, BundleProgress expected) =>
        Assert.Equal(expected, BundleRules.Progress(parts));

    [Fact]
    public async Task AWithdrawnItem_CannotJoinABundle_AndABundleWhosePartWasWithdrawnIsRefusedNamingThePart()
    {
        var cast = await BundleCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var withdrawn = await catalogue.WithdrawAsync(cast.Second.Id, "Merged into another item.", cast.Second.Version);
            Assert.True(withdrawn.IsDone);

            var joined = await sp.GetRequiredService<ServiceBundles>().CreateAsync(BundleCast.Office, BundleCast.Input([cast.First.Id, cast.Second.Id]));
            Assert.Equal([BundleRules.ItemWithdrawn], joined.Errors!.ToDictionary()["itemIds[1]"]);
            var one = await sp.GetRequiredService<ServiceBundles>().CreateAsync(BundleCast.Office, BundleCast.Input([cast.First.Id]));
            Assert.Equal([BundleRules.TwoItemsAtLeast], one.Errors!.ToDictionary()["itemIds"]);

            var filed = await sp.GetRequiredService<BundleApplications>().FileAsync(cast.Applicant, cast.Complete());
            Assert.Equal([ApplicationRules.ItemWithdrawn], filed.Errors!.ToDictionary()["parts[1].itemId"]);
            Assert.Empty(await sp.GetRequiredService<ServiceApplications>().MineAsync(cast.Applicant));

            var bundle = await sp.GetRequiredService<ServiceBundles>().UpdateAsync(
                BundleCast.Office, cast.Bundle.Id, BundleCast.Input([cast.First.Id, cast.Second.Id], cast.Bundle.Code) with { Status = "Withdrawn" }, cast.Bundle.Version);
            Assert.True(bundle.IsDone);
            var closed = await sp.GetRequiredService<BundleApplications>().FileAsync(cast.Applicant, cast.Complete());
            Assert.Equal([BundleRules.BundleWithdrawn], closed.Errors!.ToDictionary()["bundleId"]);
            return null;
        });
    }

    [Fact]
    public async Task SomeoneElsesBundleApplication_IsNotFound_AndOnlyTheCatalogueKeepersMaintainBundles()
    {
        var cast = await BundleCast.CreateAsync(app);
        await app.WithServicesAsync<object?>(async sp =>
        {
            var bundles = sp.GetRequiredService<BundleApplications>();
            var filed = (await bundles.FileAsync(cast.Applicant, cast.Complete())).Value!;
            Assert.Equal(OutcomeKind.NotFound, (await bundles.GetAsync(cast.Stranger, filed.Id)).Kind);
            Assert.DoesNotContain(await bundles.MineAsync(cast.Stranger), b => b.Id == filed.Id);
            Assert.True((await bundles.GetAsync(cast.SecondStaff, filed.Id)).IsDone); // a unit handling a part sees the bundle
            Assert.Contains("parts[0].applicantId", (await bundles.FileAsync(cast.FirstStaff, cast.Complete())).Errors!.ToDictionary().Keys); // a window officer names the applicant

            var catalogue = sp.GetRequiredService<ServiceBundles>();
            Assert.Equal(OutcomeKind.Forbidden, (await catalogue.CreateAsync(cast.FirstStaff, BundleCast.Input([cast.First.Id, cast.Second.Id]))).Kind);
            Assert.Equal(OutcomeKind.Forbidden, (await catalogue.UpdateAsync(cast.Applicant, cast.Bundle.Id, BundleCast.Input([cast.First.Id, cast.Second.Id]), 1)).Kind);
            var taken = await catalogue.CreateAsync(BundleCast.Office, BundleCast.Input([cast.First.Id, cast.Second.Id], cast.Bundle.Code));
            Assert.Equal([BundleRules.CodeTaken], taken.Errors!.ToDictionary()["code"]);
            return null;
        });
    }

    private static async Task<ServiceApplicationEntry> Application(IServiceProvider sp, CurrentUser me, int id) =>
        (await sp.GetRequiredService<ServiceApplications>().GetAsync(me, id)).Value!;
}

public sealed class BundlesOnSqlite(SqliteApp app) : BundlesTests(app), IClassFixture<SqliteApp>;

public sealed class BundlesOnPostgreSql(PostgreSqlApp app) : BundlesTests(app), IClassFixture<PostgreSqlApp>;
