namespace Followthrough.Storage;

/// <summary>The step a save performs (e.g. "signed-for") and the user's comment, as named by <see cref="FollowthroughDb.DescribeNextSave"/>.</summary>
public sealed record SaveDescription(string Action, string? Comment);
