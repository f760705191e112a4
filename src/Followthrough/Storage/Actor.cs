namespace Followthrough.Storage;

/// <summary>
/// Who is acting in the current scope (a web request, a CLI command, a background job). Set once at the edge; the
/// database context carries it, so whatever records a change (the audit trail, a task's timeline) can name them.
/// </summary>
public sealed class Actor
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
