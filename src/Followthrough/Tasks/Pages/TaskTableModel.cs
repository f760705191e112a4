namespace Followthrough.Tasks.Pages;

/// <summary>What the shared task table shows: the rows, the names behind their ids, and a caption.</summary>
internal sealed record TaskTableModel(IReadOnlyList<TaskRow> Rows, TaskDirectory Directory, string Caption, int? Total = null);
