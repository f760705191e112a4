using Followthrough.Services.Catalogue;

namespace Followthrough.Tests.Services;

/// <summary>Items for tests, each with a code of its own so tests sharing a database never meet.</summary>
internal static class CatalogueSamples
{
    public static string NewCode(string prefix = "T") => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public static ServiceItemInput Item(
        int unitId,
        string? code = null,
        string nameZh = "测试事项",
        string nameEn = "Test item",
        string level = "Online",
        int visits = 0,
        string[]? lifeEvents = null,
        int statutory = 20,
        int committed = 5) =>
        new(
            code ?? NewCode(),
            nameZh,
            nameEn,
            unitId,
            "AdministrativeLicensing",
            "《中华人民共和国行政许可法》",
            statutory,
            committed,
            level,
            visits,
            [new MaterialInput("申请书", "Application form", "Form", false), new MaterialInput("营业执照", "Business licence", "Copy", true)],
            0m,
            lifeEvents ?? [],
            false);
}
