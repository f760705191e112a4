namespace Followthrough.Organization;

/// <summary>What kind of body a unit is; decides nothing by itself, but filters lists and reports.</summary>
public enum UnitKind
{
    Government,
    Bureau,
    District,
    Zone,
    StateOwnedEnterprise,
    University,
    Institute,
    Enterprise,
    Other,
}
