using System.Globalization;
using System.Reflection;
using System.Resources;
using Followthrough.Services;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Pages;

namespace Followthrough.Tests.Services;

/// <summary>The pages translate the catalogue's rule messages and labels: every one needs its Chinese text.</summary>
public sealed class ServicesTextTests
{
    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string text)
        {
            if (seen.Add(text))
            {
                data.Add(text); // a label several enums share is one case, not a skipped duplicate
            }
        }

        foreach (var field in typeof(ServiceItemRules).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            Add((string)field.GetRawConstantValue()!);
        }

        Add(ServiceCatalogue.WithdrawReasonRequired);
        foreach (var type in new[] { typeof(FormFieldRules), typeof(Followthrough.Services.Rules.AutoApproval), typeof(Followthrough.Services.Rules.RuleExpressions),
            typeof(Followthrough.Services.Materials.MaterialCheck), typeof(Followthrough.Services.Materials.ApplicantMaterials), typeof(ReviewStepRules), typeof(ApplicationReviews),
            typeof(Followthrough.Services.Bundles.BundleRules), typeof(Followthrough.Services.Bundles.BundleApplications) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                Add((string)field.GetRawConstantValue()!);
            }
        }

        foreach (var field in typeof(ApplicationRules).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            Add((string)field.GetRawConstantValue()!);
        }

        foreach (var state in Enum.GetValues<ApplicationState>())
        {
            Add(ApplicationLabels.Of(state));
            Add(ApplicationLabels.Next(state));
        }

        foreach (var step in Enum.GetValues<ApplicationStep>())
        {
            Add(ApplicationLabels.Of(step));
            Add(ApplicationLabels.Action(step));
        }

        foreach (var label in Enum.GetValues<DeliveryLevel>().Select(ServicesLabels.Of)
            .Concat(Enum.GetValues<ServiceKind>().Select(ServicesLabels.Of))
            .Concat(Enum.GetValues<MaterialFormat>().Select(ServicesLabels.Of)))
        {
            Add(label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void EveryRuleMessageAndLabel_HasAChineseTranslation(string english)
    {
        var resources = new ResourceManager("Followthrough.Services.ServicesText", typeof(ServicesText).Assembly);
        var chinese = resources.GetString(english, CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"No zh-Hans text for: {english}");
        Assert.NotEqual(english, chinese);
    }
}
