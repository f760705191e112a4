namespace Followthrough.Storage.Migrations;

/// <summary>One versioned schema change, written by hand for each provider (see docs/storage.md).</summary>
public sealed record Migration(int Version, string Name, string Script);
