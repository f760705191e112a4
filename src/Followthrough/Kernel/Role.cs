namespace Followthrough.Kernel;

/// <summary>What a person may do in Followthrough. Anonymous visitors have no role and see public pages only.</summary>
public enum Role
{
    /// <summary>Runs the system: units, people, accounts, the calendar.</summary>
    Administrator,

    /// <summary>Party secretary, mayor, vice-mayors (领导): issue directives, read everything.</summary>
    Leader,

    /// <summary>The supervision office (督查室): decomposes, assigns, urges, verifies, ranks.</summary>
    Supervisor,

    /// <summary>Staff of a lead or co-operating unit: act only for their own unit.</summary>
    UnitStaff,

    /// <summary>An enterprise account: raises needs and bottlenecks.</summary>
    Enterprise,

    /// <summary>A citizen account: applies for and rates services.</summary>
    Citizen,
}
