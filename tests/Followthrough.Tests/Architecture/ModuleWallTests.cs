using System.Text.RegularExpressions;
using Followthrough.Tests.Infrastructure;

namespace Followthrough.Tests.Architecture;

/// <summary>
/// The walls between modules (docs/architecture.md, "Modules and their walls"): a module uses another only through
/// its public surface, never its entities or tables; the modules depend on each other without a cycle, exactly as
/// the picture in docs/architecture.md draws them.
/// </summary>
public sealed partial class ModuleWallTests
{
    [Fact]
    public void Modules_UseEachOtherOnlyThroughTheirPublicSurface_NeverTheirEntities()
    {
        var breaches = ModuleMap.CrossModule
            .Where(d => d.TargetType is { } target && (!ModuleMap.IsOnSurface(target) || ModuleMap.Entities.Contains(target)))
            .Select(d => $"{d.From} -> {d.To}: {d.Source} uses {(ModuleMap.Entities.Contains(d.TargetType!) ? "the entity" : "the internal type")} {d.Target}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(breaches.Count == 0, "Through the wall:\n" + string.Join('\n', breaches));
    }

    [Fact]
    public void Modules_TouchOnlyTheirOwnTables_InCodeAndMigrations()
    {
        var breaches = new List<string>();
        foreach (var (module, file) in ModuleSources())
        {
            var text = File.ReadAllText(file);
            foreach (Match match in TableReference().Matches(text))
            {
                var table = match.Groups["table"].Value;
                if (ModuleMap.TableOwners.TryGetValue(table, out var owner) && owner != module)
                {
                    breaches.Add($"{module}: {Path.GetRelativePath(RepositoryFiles.Root, file)} names {owner}'s table {table} (\"{match.Value}\")");
                }
            }
        }

        Assert.True(breaches.Count == 0, "Other modules' tables:\n" + string.Join('\n', breaches.Distinct()));
    }

    [Fact]
    public void Modules_DependOnEachOtherWithoutACycle()
    {
        var graph = ModuleGraph.Actual();
        var cycle = ModuleGraph.FindCycle(graph);
        Assert.True(cycle is null, "A cycle between modules: " + string.Join(" -> ", cycle ?? []) + "\n"
            + string.Join('\n', ModuleGraph.Witnesses(cycle ?? [])));
    }

    [Fact]
    public void NothingDependsOnTheCompositionRoot()
    {
        var users = ModuleMap.CrossModule.Where(d => d.To == ModuleMap.CompositionRoot).Select(d => $"{d.Source} uses {d.Target}").Distinct().ToList();
        Assert.True(users.Count == 0, "The composition root is used by:\n" + string.Join('\n', users));
    }

    [Fact]
    public void TheFoundations_DependOnNoModule()
    {
        var uses = ModuleMap.CrossModule
            .Where(d => ModuleMap.Foundations.Contains(d.From) && !ModuleMap.Foundations.Contains(d.To))
            .Select(d => $"{d.From}: {d.Source} uses {d.Target}")
            .Distinct()
            .ToList();
        Assert.True(uses.Count == 0, "A foundation reaches into a module:\n" + string.Join('\n', uses));
    }

    [Fact]
    public void ThePictureInTheArchitectureNotes_ShowsEveryDependencyAndNoOther()
    {
        var drawn = ModuleGraph.Drawn(File.ReadAllText(RepositoryFiles.PathOf("docs", "architecture.md")));
        var actual = ModuleGraph.Actual();
        var missing = actual.SelectMany(e => e.Value.Select(to => $"{e.Key} --> {to}")).Except(drawn).Order(StringComparer.Ordinal).ToList();
        var stale = drawn.Except(actual.SelectMany(e => e.Value.Select(to => $"{e.Key} --> {to}"))).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            "docs/architecture.md's module picture is out of date.\nMissing:\n" + string.Join('\n', missing) + "\nDrawn but not in the code:\n" + string.Join('\n', stale));
    }

    /// <summary>Every .cs and .sql file of the domain assembly's modules, with its module (the folder under src/Followthrough).</summary>
    private static IEnumerable<(string Module, string File)> ModuleSources()
    {
        var root = RepositoryFiles.PathOf("src", "Followthrough");
        foreach (var folder in Directory.GetDirectories(root))
        {
            var module = Path.GetFileName(folder);
            if (module is "bin" or "obj")
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
                .Where(f => !IsFoundationMigration(f)))
            {
                yield return (module, file);
            }
        }
    }

    /// <summary>
    /// Migration 0001 laid the foundation before the walls: units, people, accounts, tokens and the audit trail in one
    /// file, each table now owned by the module that maps it. Applied migrations are never rewritten, so it stays whole.
    /// </summary>
    private static bool IsFoundationMigration(string file) =>
        Path.GetFileName(file).StartsWith("0001_", StringComparison.Ordinal) && file.Contains("Migrations", StringComparison.Ordinal);

    /// <summary>A table named after an SQL keyword (written in capitals, as the product writes its SQL).</summary>
    [GeneratedRegex(@"\b(?:FROM|JOIN|UPDATE|INTO|TABLE|ON|REFERENCES)\s+""?(?<table>[a-z_][a-z0-9_]*)\b")]
    private static partial Regex TableReference();
}
