using Followthrough.Storage;

namespace Followthrough.Organization;

/// <summary>
/// One person by id, read directly (no change tracking, no context): the check behind every signed-in request (an API
/// token's owner, a session's person) asks it, so it is one primary-key read.
/// </summary>
public sealed class PersonLookup(HandWrittenSql.RequestReads sql)
{
    public Task<PersonEntry?> FindAsync(int personId, CancellationToken cancellationToken = default) =>
        sql.ReadAsync<PersonEntry?>(
            "SELECT name_zh, name_en, title, unit_id, role, is_active FROM people WHERE id = @id",
            [("@id", personId)],
            async (r, token) => await r.ReadAsync(token)
                ? new PersonEntry(
                    personId, r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                    Enum.Parse<Role>(r.GetString(4)), r.GetBoolean(5))
                : null,
            cancellationToken);
}
