namespace Followthrough.Storage;

/// <summary>
/// An entity guarded by optimistic concurrency: <see cref="Version"/> rises by one on every saved change, and a
/// save based on an older version fails instead of overwriting someone else's work.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
