namespace Followthrough.Evaluation;

/// <summary>Marker for the Evaluation module's strings; English is the key, EvaluationText.zh-Hans.resx translates.</summary>
internal sealed class EvaluationText;
