using System.Globalization;
using System.Reflection;
using System.Resources;
using Followthrough.Needs;
using Followthrough.Needs.Pages;

namespace Followthrough.Tests.Needs;

/// <summary>The pages translate the rules' messages and the labels: every one needs its Chinese text.</summary>
public sealed class NeedsTextTests
{
    public static TheoryData<string> Messages()
    {
        var all = typeof(NeedRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Enum.GetValues<NeedCategory>().Select(NeedLabels.Of))
            .Concat(Enum.GetValues<NeedState>().SelectMany(s => new[] { NeedLabels.Of(s), NeedLabels.Next(s) }))
            .Concat(Enum.GetValues<NeedStep>().Select(NeedLabels.Of))
            .Concat(Enum.GetValues<Satisfaction>().Select(NeedLabels.Of))
            .Concat(Enum.GetValues<NeedAction>().Select(NeedLabels.Of))
            .Distinct(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var text in all)
        {
            data.Add(text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryMessageAndLabel_HasAChineseTranslation(string english)
    {
        var resources = new ResourceManager("Followthrough.Needs.NeedsText", typeof(NeedsText).Assembly);
        var chinese = resources.GetString(english, CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.False(string.IsNullOrEmpty(chinese), english);
        Assert.NotEqual(english, chinese);
    }
}
