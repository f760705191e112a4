using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Followthrough.Storage;

/// <summary>
/// A query compiled with <see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>
/// for a path every request takes, once per model: a compiled query runs only against the model it was compiled
/// for, and each database provider has its own (the tests run SQLite and PostgreSQL in one process).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _queries = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _queries.GetValue(db.Model, _ => compile());
    }
}
