using Followthrough.Organization;
using Followthrough.Services.Bundles;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Materials;

namespace Followthrough.Demo;

/// <summary>
/// "One thing, one time" in the demo, in our own words: opening a restaurant (the sole trader's registration and the food
/// business licence at the market regulator, a signboard permit in Jinpu and the staff's social insurance), starting a
/// company, and a new construction project; the demo enterprise has filed the restaurant bundle and its parts are with
/// their units.
/// </summary>
internal sealed class DemoBundles(ServiceCatalogue catalogue, ServiceBundles bundles, BundleApplications filings, ApplicantMaterials materials, OrganizationDirectory directory)
{
    private static readonly CurrentUser Keeper = new(null, "demo", Role.Administrator, null);

    private static readonly byte[] Scan = [.. "%PDF-1.7\n% demo scan\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    private sealed record Spec(string Code, string NameZh, string NameEn, string LifeEvent, string DescriptionZh, string DescriptionEn, string[] Items);

    private static readonly Spec[] Specs =
    [
        new("YJS-RESTAURANT", "开办餐馆一件事", "Opening a restaurant", "开餐馆",
            "登记个体工商户、办理食品经营许可、设置门头招牌并为员工参保，一张表、一套材料，各部门同步办理。",
            "Register as a sole trader, get the food business licence, put up the shop sign and insure the staff: one form, one set of materials, the units working at the same time.",
            ["DL-MSA-004", "DL-MSA-005", "DL-JP-002", "DL-HRS-003"]),
        new("YJS-COMPANY", "开办企业一件事", "Starting a company", "开办企业",
            "企业设立登记、员工参保登记和一次性创业补贴一次申请。",
            "Register the company, insure its first employees and claim the start-up subsidy in one application.",
            ["DL-MSA-001", "DL-HRS-003", "DL-HRS-006"]),
        new("YJS-PROJECT", "企业投资项目开工一件事", "Starting an investment project", "投资建设",
            "项目备案、建设用地规划许可和环境影响登记表备案一并办理。",
            "File the project, get the land-use planning permit and file the environmental impact registration form together.",
            ["DL-DRC-001", "DL-NRB-001", "DL-EEB-002"]),
    ];

    public async Task LoadAsync(CurrentUser enterprise, CancellationToken cancellationToken = default)
    {
        await SignboardPermitAsync(cancellationToken);
        var created = new List<BundleEntry>();
        foreach (var spec in Specs)
        {
            var ids = new List<int>();
            foreach (var code in spec.Items)
            {
                ids.Add((await catalogue.GetByCodeAsync(code, cancellationToken) ?? throw new InvalidOperationException($"No demo item {code}")).Id);
            }

            var bundle = await bundles.CreateAsync(Keeper, new BundleInput(spec.Code, spec.NameZh, spec.NameEn, spec.LifeEvent, spec.DescriptionZh, spec.DescriptionEn, ids), cancellationToken);
            created.Add(bundle.IsDone ? bundle.Value! : throw new InvalidOperationException($"Demo bundle {spec.Code}: {bundle.Kind}"));
        }

        var scan = await materials.UploadAsync(enterprise, null, "营业场所租赁合同扫描件.pdf", Scan, cancellationToken);
        var form = (await filings.FormAsync(created[0].Id, cancellationToken))!.Value.Form;
        var filed = await filings.FileAsync(enterprise, new BundleFilingInput(
            created[0].Id,
            new Dictionary<string, string?> { ["applicantName"] = "海湾小馆（个体工商户）", ["notes"] = "门店位于金普新区，约 60 平方米，座位 40 个。" },
            [.. form.Materials.Select(m => new MaterialChoiceInput(m.Position, m.ElectronicLicence ? null : scan.Value!.Id, m.ElectronicLicence ? true : null))]), cancellationToken);
        if (!filed.IsDone)
        {
            throw new InvalidOperationException($"Demo bundle application: {filed.Kind} {string.Join("; ", filed.Errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? [])}");
        }
    }

    /// <summary>The restaurant needs a signboard permit, which the demo catalogue did not have: Jinpu's, in our own words.</summary>
    private async Task SignboardPermitAsync(CancellationToken cancellationToken)
    {
        var jinpu = (await directory.UnitsAsync(activeOnly: true, cancellationToken)).Single(u => u.Code == "DL-JP");
        var created = await catalogue.CreateAsync(new ServiceItemInput(
            "DL-JP-002", "户外招牌设置审核", "Outdoor signboard permit", jinpu.Id, "AdministrativeLicensing", "《城市市容和环境卫生管理条例》",
            20, 5, "Online", 0,
            [new MaterialInput("申请表", "Application form", "Form", false), new MaterialInput("营业执照", "Business licence", "Copy", true),
             new MaterialInput("招牌设计效果图", "Drawing of the signboard", "Electronic", false)],
            0m, ["开餐馆"], false), cancellationToken);
        if (!created.IsDone)
        {
            throw new InvalidOperationException($"Demo item DL-JP-002: {created.Kind}");
        }
    }
}
