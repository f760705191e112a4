using Followthrough.Storage;

namespace Followthrough.Tests.Storage;

/// <summary>Storage is below the modules: the audit trail hooks into it (a save interceptor), never the other way round.</summary>
public sealed class StorageWallTests
{
    [Fact]
    public void StorageTypes_ReferenceNoAuditType()
    {
        var storage = typeof(FollowthroughDb).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Followthrough.Storage", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(storage);
        var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        var references = storage.SelectMany(type => ReferencedTypes(type, flags).Select(used => (type, used)))
            .Where(r => r.used.Namespace?.StartsWith("Followthrough.Audit", StringComparison.Ordinal) == true)
            .Select(r => $"{r.type.FullName} -> {r.used.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(references);
    }

    private static IEnumerable<Type> ReferencedTypes(Type type, System.Reflection.BindingFlags flags)
    {
        IEnumerable<Type> direct =
        [
            .. type.GetInterfaces(),
            .. type.BaseType is null ? [] : new[] { type.BaseType },
            .. type.GetFields(flags).Select(f => f.FieldType),
            .. type.GetProperties(flags).Select(p => p.PropertyType),
            .. type.GetMethods(flags).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)),
            .. type.GetConstructors(flags).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)),
            .. type.GetMethods(flags).SelectMany(LocalsOf),
        ];
        return direct.SelectMany(Unwrap);
    }

    /// <summary>The types of a method body's locals: a type used only inside a method body shows here.</summary>
    private static IEnumerable<Type> LocalsOf(System.Reflection.MethodInfo method)
    {
        try
        {
            return method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? [];
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Unwrap(argument))
            {
                yield return inner;
            }
        }
    }
}
