namespace Followthrough.Storage;

/// <summary>The two databases Followthrough runs on, with the same behaviour.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
