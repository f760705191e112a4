using System.Reflection;
using Followthrough.Storage;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Followthrough.Tests.Architecture;

/// <summary>
/// Hand-written SQL goes one way, through <see cref="HandWrittenSql"/> (docs/architecture.md, "Storage"): no code
/// outside Storage opens its own command, writes a command's text, sends SQL through EF Core's raw SQL methods, starts
/// a COPY or prepares a native SQLite statement. Read from the compiled code (every method body, closures and async
/// state machines included) of the product's assemblies: the domain, the demo, the CLI and the web host.
/// </summary>
public sealed class HandWrittenSqlTests
{
    /// <summary>The assemblies that ship; tests and benchmarks set up their data as they please.</summary>
    private static readonly string[] Product = ["Followthrough", "Followthrough.Demo", "Followthrough.Cli", "Followthrough.Web"];

    /// <summary>
    /// Code outside Storage that may still send SQL its own way, as "Type.Method calls Target" (the report's wording).
    /// Empty: nothing needs to. Add a line only with a reason beside it.
    /// </summary>
    private static readonly HashSet<string> Allowed = [];

    [Fact]
    public void CodeOutsideStorage_SendsSqlOnlyThroughHandWrittenSql()
    {
        var found = Calls().Where(c => !InStorage(c.Namespace)).Select(c => c.Text).Distinct().Order(StringComparer.Ordinal).ToList();
        var fresh = found.Where(f => !Allowed.Contains(f)).ToList();
        Assert.True(fresh.Count == 0,
            "SQL sent around HandWrittenSql (use db.QueryAsync / db.ExecuteAsync / db.CreateCommand, HandWrittenSql.InsertAsync / CopyAsync, "
            + "or HandWrittenSql.RequestReads):\n" + string.Join('\n', fresh));
        var stale = Allowed.Except(found).ToList();
        Assert.True(stale.Count == 0, "No longer found, so take them out of the allow-list:\n" + string.Join('\n', stale));
    }

    /// <summary>The check sees what it looks for: the helper itself, inside Storage, does all of these things.</summary>
    [Fact]
    public void TheCheck_FindsTheHelpersOwnCommands_InsideStorage()
    {
        var inStorage = Calls().Where(c => InStorage(c.Namespace)).Select(c => c.Text).ToList();
        Assert.Contains(inStorage, c => c.StartsWith("Followthrough.Storage.HandWrittenSql.CreateCommand calls System.Data.Common.DbConnection.CreateCommand", StringComparison.Ordinal));
        Assert.Contains(inStorage, c => c.Contains("calls Npgsql.NpgsqlConnection.BeginBinaryImportAsync", StringComparison.Ordinal));
        Assert.Contains(inStorage, c => c.Contains("calls SQLitePCL.raw.sqlite3_prepare_v2", StringComparison.Ordinal));
        Assert.Contains(inStorage, c => c.Contains("calls System.Data.Common.DbDataSource.CreateCommand", StringComparison.Ordinal));
    }

    private static bool InStorage(string ns) => ns == "Followthrough.Storage" || ns.StartsWith("Followthrough.Storage.", StringComparison.Ordinal);

    private sealed record Call(string Namespace, string Text);

    private static IEnumerable<Call> Calls()
    {
        foreach (var name in Product)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(Assembly.Load(new AssemblyName(name)).Location);
            foreach (var type in assembly.MainModule.GetTypes())
            {
                var outer = type;
                while (outer.DeclaringType is not null)
                {
                    outer = outer.DeclaringType;
                }

                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    foreach (var instruction in method.Body.Instructions)
                    {
                        if (instruction.OpCode.OperandType == OperandType.InlineMethod && instruction.Operand is MethodReference target
                            && SendsSql(target.DeclaringType.GetElementType().FullName, target.Name))
                        {
                            var caller = type == outer ? $"{outer.FullName}.{method.Name}" : $"{outer.FullName}.{OriginalMethod(type, method)}";
                            yield return new Call(outer.Namespace, $"{caller} calls {target.DeclaringType.GetElementType().FullName}.{target.Name}");
                        }
                    }
                }
            }
        }
    }

    /// <summary>The method a closure or state machine was written in (the compiler names it &lt;Method&gt;d__4 or &lt;Method&gt;b__0).</summary>
    private static string OriginalMethod(TypeDefinition nested, MethodDefinition method)
    {
        var text = nested.Name.StartsWith('<') ? nested.Name : method.Name;
        var end = text.IndexOf('>', StringComparison.Ordinal);
        return text.StartsWith('<') && end > 1 ? text[1..end] : text;
    }

    private static readonly HashSet<string> Connections =
    [
        "System.Data.Common.DbConnection", "System.Data.IDbConnection", "System.Data.Common.DbDataSource",
        "Microsoft.Data.Sqlite.SqliteConnection", "Npgsql.NpgsqlConnection", "Npgsql.NpgsqlDataSource", "Npgsql.NpgsqlMultiHostDataSource",
    ];

    private static readonly HashSet<string> Commands =
    [
        "System.Data.Common.DbCommand", "System.Data.IDbCommand", "System.Data.Common.DbBatch", "System.Data.Common.DbBatchCommand",
        "Microsoft.Data.Sqlite.SqliteCommand", "Npgsql.NpgsqlCommand", "Npgsql.NpgsqlBatch", "Npgsql.NpgsqlBatchCommand",
    ];

    private static bool SendsSql(string type, string name) =>
        (Connections.Contains(type) && name is "CreateCommand" or "CreateBatch")
        || (Commands.Contains(type) && name is ".ctor" or "set_CommandText")
        || (type == "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions" && (name.StartsWith("ExecuteSql", StringComparison.Ordinal) || name.StartsWith("SqlQuery", StringComparison.Ordinal)))
        || (type == "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions" && name.StartsWith("FromSql", StringComparison.Ordinal))
        || (type == "Npgsql.NpgsqlConnection" && name.StartsWith("Begin", StringComparison.Ordinal) && (name.Contains("Import", StringComparison.Ordinal) || name.Contains("Export", StringComparison.Ordinal) || name.Contains("Copy", StringComparison.Ordinal)))
        || (type == "SQLitePCL.raw" && (name.StartsWith("sqlite3_prepare", StringComparison.Ordinal) || name == "sqlite3_exec"));
}
