using System.Globalization;
using System.Reflection;
using System.Resources;
using Followthrough.Organization;

namespace Followthrough.Tests.Organization;

/// <summary>The pages translate the rules' messages: every one of them needs its Chinese text.</summary>
public sealed class OrganizationTextTests
{
    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(OrganizationMessages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }

        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            data.Add(Labels.Of(kind));
        }

        foreach (var role in Enum.GetValues<Role>())
        {
            data.Add(Labels.Of(role));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessageAndLabel_HasAChineseTranslation(string english)
    {
        var resources = new ResourceManager("Followthrough.Organization.OrganizationText", typeof(OrganizationText).Assembly);
        var chinese = resources.GetString(english, CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"No zh-Hans text for: {english}");
        Assert.NotEqual(english, chinese);
    }
}
