using System.Text.RegularExpressions;
using System.Xml.Linq;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Web;

/// <summary>
/// Every string a page shows through a localizer (<c>T["..."]</c>) has a Simplified Chinese translation in the
/// module's resource file, so no page falls back to English halfway through.
/// </summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void EveryLocalizedStringOnPages_HasAChineseTranslation()
    {
        var source = RepositoryFiles.PathOf("src", "Followthrough");
        var translations = Directory.EnumerateFiles(source, "*.zh-Hans.resx", SearchOption.AllDirectories)
            .SelectMany(file => XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!))
            .ToHashSet(StringComparer.Ordinal);

        var missing = Directory.EnumerateFiles(source, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => LocalizedKey().Matches(File.ReadAllText(file))
                .Select(m => $"{Path.GetRelativePath(source, file)}: {m.Groups["key"].Value}"))
            .Where(entry => !translations.Contains(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Missing zh-Hans translations:\n" + string.Join('\n', missing));
    }

    [GeneratedRegex("""\bT\["(?<key>(?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex LocalizedKey();
}
