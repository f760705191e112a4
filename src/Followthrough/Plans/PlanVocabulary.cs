using System.Globalization;

namespace Followthrough.Plans;

/// <summary>
/// The words files use for the plan's choices, in English ("in-force", "key-task") and in Chinese (实施中, 重点任务).
/// Reading is forgiving (case, spaces, hyphens and the C# names all work); writing uses one fixed form per language,
/// so an exported file reads back to the same values.
/// </summary>
public static class PlanVocabulary
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Chinese = new()
    {
        [typeof(PlanLevel)] = new() { ["National"] = "国家级", ["Provincial"] = "省级", ["Municipal"] = "市级", ["District"] = "区县级" },
        [typeof(PlanStatus)] = new() { ["Draft"] = "草稿", ["InForce"] = "实施中", ["Archived"] = "已归档" },
        [typeof(PlanItemKind)] = new() { ["Chapter"] = "章", ["Section"] = "节", ["Goal"] = "目标", ["KeyTask"] = "重点任务", ["Measure"] = "举措" },
        [typeof(IndicatorCategory)] = new()
        {
            ["Economy"] = "经济发展", ["Innovation"] = "创新驱动", ["Reform"] = "改革与营商环境", ["Green"] = "绿色生态",
            ["OpeningUp"] = "对外开放", ["Livelihood"] = "民生福祉", ["Security"] = "安全保障",
        },
        [typeof(IndicatorNature)] = new() { ["Binding"] = "约束性", ["Expected"] = "预期性" },
        [typeof(IndicatorDirection)] = new() { ["HigherIsBetter"] = "越高越好", ["LowerIsBetter"] = "越低越好", ["WithinRange"] = "保持区间" },
        [typeof(ReportingFrequency)] = new() { ["Yearly"] = "年度", ["Quarterly"] = "季度", ["Monthly"] = "月度" },
    };

    /// <summary>The file word for a value: "in-force" in English, 实施中 in Chinese.</summary>
    public static string Word<TEnum>(TEnum value, bool chinese = false) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return chinese ? Chinese[typeof(TEnum)][name] : Kebab(name);
    }

    public static bool TryRead<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        var key = Squash(text);
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (Squash(name) == key || Chinese[typeof(TEnum)][name] == key)
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        return false;
    }

    /// <summary>The accepted words, for error messages.</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"{Word(v)} ({Word(v, chinese: true)})"));

    public static string YesNo(bool value, bool chinese = false) => chinese ? (value ? "是" : "否") : (value ? "yes" : "no");

    public static bool TryReadYesNo(string? text, out bool value)
    {
        switch (Squash(text))
        {
            case "" or "no" or "false" or "0" or "否" or "n":
                value = false;
                return true;
            case "yes" or "true" or "1" or "是" or "y":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Kebab(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static string Squash(string? text) =>
        new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')).ToArray()).ToLower(CultureInfo.InvariantCulture);
}
