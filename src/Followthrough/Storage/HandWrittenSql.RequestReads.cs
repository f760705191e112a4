using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Followthrough.Storage;

public static partial class HandWrittenSql
{
    /// <summary>
    /// A small read that runs on every request (the API token, the inbox's revision): sent outside any transaction,
    /// without EF Core, whose context set-up and query pipeline cost more than such a read itself. The SQL must be the same
    /// on SQLite and PostgreSQL; values are always parameters.
    /// </summary>
    /// <remarks>
    /// One data source for the life of the process (a singleton, disposed with the host), built once from the configured
    /// connection string, so a read neither looks up a pool by connection string nor sets up a connection object.
    /// On PostgreSQL the reads are multiplexed and prepared (see <see cref="PostgreSqlSource"/>): with the server on the
    /// same cores, the inbox went from about 1,200 to about 5,800 requests per second (bench/RESULTS.md).
    /// </remarks>
    public sealed class RequestReads : IAsyncDisposable, IDisposable
    {
        private readonly DbDataSource _source;

        public RequestReads(DatabaseSettings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            _source = settings.Provider == DatabaseProvider.Sqlite
                ? SqliteFactory.Instance.CreateDataSource(settings.ConnectionString)
                : PostgreSqlSource(settings.ConnectionString);
        }

        /// <summary>The connection string the reads use (never printed: it may hold a password).</summary>
        public string ConnectionString => _source.ConnectionString;

        public async Task<T> ReadAsync<T>(
            string sql, IReadOnlyList<(string Name, object Value)> parameters,
            Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            ArgumentNullException.ThrowIfNull(read);
            await using var command = _source.CreateCommand(sql);
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }

        public ValueTask DisposeAsync() => _source.DisposeAsync();

        public void Dispose() => _source.Dispose();

        /// <summary>
        /// Multiplexed: concurrent reads share a few connections and go out together in one write, instead of each taking a
        /// connection from the pool, resetting it and waiting for its own round trip. Safe here because these reads never
        /// use a transaction or change session state; the EF Core context keeps its own, ordinary pool. And prepared
        /// automatically once a statement has been sent twice on a connection: planning the token's three-table join cost
        /// the server more than running it. The few statements sent here fit in <see cref="PreparedStatements"/>.
        /// </summary>
        private static NpgsqlDataSource PostgreSqlSource(string connectionString)
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.Multiplexing = true;
            builder.ConnectionStringBuilder.MaxAutoPrepare = PreparedStatements;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            return builder.Build();
        }

        /// <summary>How many statements each connection keeps prepared (least recently used first out).</summary>
        private const int PreparedStatements = 10;
    }
}
