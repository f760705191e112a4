namespace Followthrough.Audit;

/// <summary>
/// Who is acting in the current scope (a web request, a CLI command, a background job). Set once at the edge;
/// the database context stamps it on every audit entry.
/// </summary>
public sealed class AuditActor
{
    public int? PersonId { get; private set; }

    public string Name { get; private set; } = "system";

    public void Set(int? personId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PersonId = personId;
        Name = name;
    }
}
