using System.Text.Json.Serialization;

namespace Followthrough.Plans;

/// <summary>The groups in which Five-Year Plans list their main indicators.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorCategory>))]
public enum IndicatorCategory
{
    Economy,
    Innovation,
    Reform,
    Green,
    OpeningUp,
    Livelihood,
    Security,
}

/// <summary>
/// Binding (约束性) indicators are commitments the government must meet; expected (预期性) ones are
/// targets it aims for and steers towards with policy.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorNature>))]
public enum IndicatorNature
{
    Binding,
    Expected,
}

/// <summary>Which way is good for an indicator.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorDirection>))]
public enum IndicatorDirection
{
    /// <summary>More is better (R&amp;D spending, good-air days).</summary>
    HigherIsBetter,

    /// <summary>Less is better (energy use per unit of GDP, unemployment).</summary>
    LowerIsBetter,

    /// <summary>The value should stay between a lower and an upper bound (a growth rate, a price index).</summary>
    WithinRange,
}

/// <summary>How often the reporting unit reports an actual value.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportingFrequency>))]
public enum ReportingFrequency
{
    Yearly,
    Quarterly,
    Monthly,
}
