using System.Text.Json.Serialization;

namespace Followthrough.Needs;

/// <summary>What an enterprise's need (企业诉求) is about; each category has its own time limit (<see cref="NeedsOptions"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedCategory>))]
public enum NeedCategory
{
    /// <summary>A policy that blocks the enterprise or that it cannot use (政策堵点).</summary>
    PolicyBottleneck,

    /// <summary>Approvals and permits that stall (审批).</summary>
    Approvals,

    /// <summary>Loans, guarantees, subsidies (融资).</summary>
    Financing,

    /// <summary>Land and premises (用地).</summary>
    Land,

    /// <summary>Hiring and keeping people (人才).</summary>
    Talent,

    /// <summary>Roads, power, water, gas, networks (基础设施).</summary>
    Infrastructure,

    /// <summary>Entering a market, tenders, qualifications (市场准入).</summary>
    MarketAccess,

    /// <summary>Anything else; mostly questions and consultations (咨询).</summary>
    Other,
}

/// <summary>Where a need stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedState>))]
public enum NeedState
{
    /// <summary>Received by the first unit, which is responsible for it (首接负责) until it hands it on or dispatches it.</summary>
    Filed,

    /// <summary>With a lead unit (and co-units) to answer by the due date.</summary>
    Dispatched,

    /// <summary>Answered by the lead unit; waiting for the enterprise's callback (回访).</summary>
    Answered,

    /// <summary>The enterprise was dissatisfied: raised to the supervision office, which must dispatch it again.</summary>
    Reopened,

    /// <summary>Called back and closed, satisfied or not.</summary>
    Closed,
}

/// <summary>A step in a need's history.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedStep>))]
public enum NeedStep
{
    Filed,
    HandedOn,
    Dispatched,
    Answered,
    CalledBack,
    Reopened,
    Closed,
}

/// <summary>What the enterprise says at the callback.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Satisfaction>))]
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>How a need came in: filed online by the enterprise, or recorded by a unit's staff after a visit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedChannel>))]
public enum NeedChannel
{
    Online,
    Visit,
}
