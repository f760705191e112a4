namespace Followthrough.Organization;

/// <summary>The English words for kinds and roles on pages (keys for the Chinese translation).</summary>
internal static class Labels
{
    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.Government => "Government",
        UnitKind.Bureau => "Bureau or commission",
        UnitKind.District => "District or county",
        UnitKind.Zone => "Zone",
        UnitKind.StateOwnedEnterprise => "State-owned enterprise",
        UnitKind.University => "University",
        UnitKind.Institute => "Institute",
        UnitKind.Enterprise => "Enterprise",
        _ => "Other",
    };

    public static string Of(Role role) => role switch
    {
        Role.Administrator => "Administrator",
        Role.Leader => "Leader",
        Role.Supervisor => "Supervision office",
        Role.UnitStaff => "Unit staff",
        Role.Enterprise => "Enterprise account",
        _ => "Citizen account",
    };
}
