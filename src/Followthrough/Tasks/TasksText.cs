namespace Followthrough.Tasks;

/// <summary>Marker for the Tasks module's strings; English is the key, TasksText.zh-Hans.resx translates.</summary>
internal sealed class TasksText;
