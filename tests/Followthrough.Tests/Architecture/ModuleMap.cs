using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Assembly = System.Reflection.Assembly;
using Type = System.Type;

namespace Followthrough.Tests.Architecture;

/// <summary>
/// The product's types sorted into modules, with every type-to-type dependency the compiled code has (fields,
/// signatures, method bodies, attributes), read from the domain assembly by ArchUnitNET; and which module owns
/// which table.
/// </summary>
public static class ModuleMap
{
    /// <summary>The composition root: wires every module into the web host and the CLI; nothing depends on it.</summary>
    public const string CompositionRoot = "Hosting";

    /// <summary>Shared by every module and depending on no module: the kernel (result, errors, clock, paging, the
    /// acting person), the database plumbing and the web shell.</summary>
    public static readonly IReadOnlySet<string> Foundations = new HashSet<string>(StringComparer.Ordinal) { "Kernel", "Storage", "Web" };

    public static Assembly Domain { get; } = typeof(FollowthroughDb).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader().LoadAssemblies(Domain).Build());

    private static readonly Lazy<IReadOnlyList<Dependency>> AllDependencies = new(Read);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Tables = new(ReadTables);

    /// <summary>One use of a type of another module.</summary>
    public sealed record Dependency(string From, string To, string Source, string Target, Type? TargetType);

    public static IReadOnlyList<Dependency> CrossModule => AllDependencies.Value;

    /// <summary>Table name → owning module, from the EF Core model (a table belongs to the module of its entity).</summary>
    public static IReadOnlyDictionary<string, string> TableOwners => Tables.Value;

    /// <summary>The EF Core entity types: a module's rows, never another module's business.</summary>
    public static IReadOnlySet<Type> Entities { get; } = ReadEntities();

    /// <summary>
    /// The module a type belongs to: the first part of its namespace after "Followthrough" (Razor's generated page
    /// classes carry it in their name instead, e.g. AspNetCoreGeneratedDocument.Tasks_Pages_Details); null outside the
    /// product.
    /// </summary>
    public static string? ModuleOf(IType type)
    {
        var ns = type.Namespace?.FullName ?? string.Empty;
        if (ns == "AspNetCoreGeneratedDocument")
        {
            var end = type.Name.IndexOf('_', StringComparison.Ordinal);
            return end > 0 ? type.Name[..end] : null;
        }

        return ModuleOfNamespace(ns);
    }

    public static string? ModuleOfNamespace(string? ns)
    {
        if (ns is null || !ns.StartsWith("Followthrough.", StringComparison.Ordinal))
        {
            return ns == "Followthrough" ? CompositionRoot : null;
        }

        var rest = ns["Followthrough.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Whether other modules may use the type: public, and every type it is nested in public too.</summary>
    public static bool IsOnSurface(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (!(t.IsPublic || t.IsNestedPublic))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Dependency> Read()
    {
        var found = new List<Dependency>();
        var seen = new HashSet<(string, string)>();
        foreach (var type in Loaded.Value.Types)
        {
            var from = ModuleOf(type);
            if (from is null)
            {
                continue;
            }

            // A generic parameter (TEnum) is nobody's type, whatever method declared it.
            foreach (var target in type.Dependencies.Select(d => d.Target).Where(t => t is not GenericParameter))
            {
                var to = ModuleOf(target);
                if (to is null || to == from || !seen.Add((type.FullName, target.FullName)))
                {
                    continue;
                }

                found.Add(new Dependency(from, to, Outermost(type.FullName), target.FullName, Domain.GetType(target.FullName)));
            }
        }

        return found;
    }

    /// <summary>A closure or state machine is reported as the type whose code it is.</summary>
    private static string Outermost(string fullName)
    {
        var plus = fullName.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? fullName : fullName[..plus];
    }

    private static FollowthroughDb Model() =>
        new(new DbContextOptionsBuilder<FollowthroughDb>().UseSqlite("Data Source=:memory:").Options);

    private static HashSet<Type> ReadEntities()
    {
        using var db = Model();
        return [.. db.Model.GetEntityTypes().Select(e => e.ClrType)];
    }

    private static Dictionary<string, string> ReadTables()
    {
        using var db = Model();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && ModuleOfNamespace(entity.ClrType.Namespace) is { } module)
            {
                owners[table] = module;
            }
        }

        return owners;
    }
}
