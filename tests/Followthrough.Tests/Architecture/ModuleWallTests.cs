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
    public void Modules_UseEachOtherOnlyThroughTheirPublicSurface_NeverTheirEntities() =>
        KnownBreaches.AssertOnlyThoseLeft("Through the wall", SurfaceBreaches());

    [Fact]
    public void Modules_TouchOnlyTheirOwnTables_InCodeAndMigrations() =>
        KnownBreaches.AssertOnlyThoseLeft("Other modules' tables", TableBreaches());

    /// <summary>
    /// A module's rows are its own: every type in FollowthroughDb's model is internal, so the web host, the command line
    /// and anything else outside the domain assembly reach them only through a module's facade and its plain records.
    /// (That those assemblies use no internal type at all, the compiler keeps.)
    /// </summary>
    [Fact]
    public void EntityTypes_AreInternal_SoOnlyTheirModuleSeesThem() =>
        KnownBreaches.AssertOnlyThoseLeft("Public entities", PublicEntities());

    [Fact]
    public void TheKnownBreaches_AreStillThere_SoTheListOnlyShrinks() =>
        KnownBreaches.AssertNoneMended([.. SurfaceBreaches(), .. TableBreaches(), .. PublicEntities()]);

    private static List<string> PublicEntities() => [.. ModuleMap.Entities
        .Where(t => t.IsVisible)
        .Select(t => $"{ModuleMap.ModuleOfNamespace(t.Namespace)}: the entity {t.FullName} is public")
        .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Uses of another module's internal type or entity. The composition root is left out: registering a module's
    /// services and mapping its endpoints and pages is its job, and those are the module's internals.
    /// </summary>
    private static List<string> SurfaceBreaches() => ModuleMap.CrossModule
        .Where(d => d.From != ModuleMap.CompositionRoot)
        .Where(d => d.TargetType is { } target && (!ModuleMap.IsOnSurface(target) || ModuleMap.Entities.Contains(target)))
        .Select(d => $"{d.From} -> {d.To}: {d.Source} uses {(ModuleMap.Entities.Contains(d.TargetType!) ? "the entity" : "the internal type")} {d.Target}")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<string> TableBreaches()
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
                    var path = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
                    breaches.Add($"{module}: {path} names {owner}'s table {table} (\"{match.Value}\")");
                }
            }
        }

        return [.. breaches.Distinct()];
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
        var actual = ModuleGraph.Actual(withFoundations: false);
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
    /// Migrations applied before the walls, which are never rewritten (a database that has them must upgrade as it is):
    /// 0001 laid the foundation (units, people, accounts, tokens and the audit trail in one file, each table now owned by
    /// the module that maps it); 0006 put the bulletin's index on tasks (an index of Tasks' since its figures moved
    /// there); 0011 put Tasks' triggers on units and people, which Organization's 0015 replaced with its own.
    /// </summary>
    private static readonly string[] BeforeTheWalls = ["0001_foundation.sql", "0006_evaluation.sql", "0011_task_unit_revisions.sql"];

    private static bool IsFoundationMigration(string file) =>
        file.Contains("Migrations", StringComparison.Ordinal) && BeforeTheWalls.Contains(Path.GetFileName(file));

    /// <summary>
    /// A table named after an SQL keyword (written in capitals, as the product writes its SQL). A foreign key
    /// (REFERENCES) to another module's row is allowed: it reads and writes nothing there, and keeps the ids honest.
    /// </summary>
    [GeneratedRegex(@"\b(?:FROM|JOIN|UPDATE|INTO|TABLE|ON)\s+""?(?<table>[a-z_][a-z0-9_]*)\b")]
    private static partial Regex TableReference();
}
