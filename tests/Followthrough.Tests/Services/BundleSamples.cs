using Followthrough.Services.Bundles;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Services.Materials;
using Followthrough.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Followthrough.Tests.Services;

/// <summary>
/// A bundle of two items of two units for bundle tests, each test with its own: the market regulator's part (5 working
/// days) and the development commission's part (10), both asking the shop's name, the application form and the business
/// licence; the second also the seats and a lease. An applicant with a file for each material; a window officer per unit.
/// </summary>
internal sealed record BundleCast(
    BundleEntry Bundle, ServiceItemEntry First, ServiceItemEntry Second, CurrentUser Applicant, CurrentUser Stranger,
    CurrentUser FirstStaff, CurrentUser SecondStaff, CurrentUser FirstApprover, int FileId)
{
    public const string FirstUnit = "DL-MSA";
    public const string SecondUnit = "DL-DRC";

    public static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    public static readonly CurrentUser Office = new(null, "supervision office", Role.Supervisor, null);

    public static async Task<BundleCast> CreateAsync(AppFixture app)
    {
        var (first, second) = (await app.UnitIdAsync(FirstUnit), await app.UnitIdAsync(SecondUnit));
        var shop = new FormFieldInput("shopName", "店铺名称", "Name of the shop", "Text", true);
        var seats = new FormFieldInput("seats", "座位数", "Seats", "Number", true);
        var (a, b) = await app.WithServicesAsync(async sp =>
        {
            var catalogue = sp.GetRequiredService<ServiceCatalogue>();
            var one = (await catalogue.CreateAsync(CatalogueSamples.Item(first, nameEn: "Business licence", committed: 5) with { Fields = [shop] })).Value!;
            var two = (await catalogue.CreateAsync(CatalogueSamples.Item(second, nameEn: "Food business licence", committed: 10) with
            {
                Materials = [new("申请书", "Application form", "Form", false), new("营业执照", "Business licence", "Copy", true), new("场所租赁合同", "Lease of the premises", "Copy", false)],
                Fields = [shop with { Required = false }, seats],
            })).Value!;
            return (one, two);
        });
        var bundle = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ServiceBundles>().CreateAsync(
            Office, Input([a.Id, b.Id]))).Value!);
        var applicant = await ApplicationCast.UserAsync(app, Role.Enterprise, null);
        var file = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<ApplicantMaterials>().UploadAsync(applicant, null, "scan.pdf", Pdf)).Value!);
        var firstStaff = await ApplicationCast.UserAsync(app, Role.UnitStaff, FirstUnit);
        var secondStaff = await ApplicationCast.UserAsync(app, Role.UnitStaff, SecondUnit);
        var approver = await ApplicationCast.UserAsync(app, Role.UnitStaff, FirstUnit);
        await ApplicationCast.GiveDutyAsync(app, firstStaff, ServiceDuty.WindowOfficer);
        await ApplicationCast.GiveDutyAsync(app, secondStaff, ServiceDuty.WindowOfficer);
        await ApplicationCast.GiveDutyAsync(app, approver, ServiceDuty.Approver);
        return new BundleCast(bundle, a, b, applicant, await ApplicationCast.UserAsync(app, Role.Enterprise, null), firstStaff, secondStaff, approver, file.Id);
    }

    public static BundleInput Input(IReadOnlyList<int> items, string? code = null) =>
        new(code ?? CatalogueSamples.NewCode("B"), "开办餐馆", "Opening a restaurant", "开办企业", "一次填表，一套材料。", "One form, one set of materials.", items);

    /// <summary>Every answer and every material given (the three materials of the bundle's one form).</summary>
    public BundleFilingInput Complete(int? skipMaterial = null) => new(
        Bundle.Id,
        new Dictionary<string, string?> { ["shopName"] = "海湾小馆", ["seats"] = "40" },
        [.. Enumerable.Range(0, 3).Where(p => p != skipMaterial).Select(p => new MaterialChoiceInput(p, FileId, null))]);
}
