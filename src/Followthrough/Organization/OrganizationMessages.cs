namespace Followthrough.Organization;

/// <summary>
/// Every message the organization rules give, worded once. They are constant sentences (no values in them) so
/// that the pages can translate them: the English text is the key in OrganizationText.zh-Hans.resx, and a test
/// checks that each one has a translation. The API returns them in English.
/// </summary>
internal static class OrganizationMessages
{
    public const string CodeRequired = "The code is required.";
    public const string CodeFormat = "The code has 2 to 32 characters: letters, digits and hyphens (it is kept in upper case).";
    public const string CodeTaken = "Another unit already has this code.";
    public const string NameZhRequired = "The Chinese name is required.";
    public const string NameZhTooLong = "The Chinese name must be at most 200 characters.";
    public const string NameEnRequired = "The English name is required.";
    public const string NameEnTooLong = "The English name must be at most 200 characters.";
    public const string KindRequired = "Choose the kind of unit.";
    public const string KindUnknown = "The kind must be one of Government, Bureau, District, Zone, StateOwnedEnterprise, University, Institute, Enterprise, Other.";
    public const string ParentMissing = "The parent unit does not exist.";
    public const string ParentInactive = "The parent unit is deactivated; choose an active parent.";
    public const string ParentCycle = "A unit cannot be placed under itself or under one of its own sub-units.";
    public const string ParentConflict = "The parent id and the parent code name different units.";
    public const string AliasTooLong = "Each alias must be at most 100 characters.";
    public const string TooManyAliases = "A unit has at most 50 aliases.";
    public const string HasActiveChildren = "The unit still has active sub-units; deactivate them or move them to another parent first.";
    public const string ReactivateParentFirst = "The parent unit is deactivated; reactivate the parent first.";

    public const string RoleRequired = "Choose a role.";
    public const string RoleUnknown = "The role must be one of Administrator, Leader, Supervisor, UnitStaff, Enterprise, Citizen.";
    public const string TitleTooLong = "The post or title must be at most 200 characters.";
    public const string UnitRequiredForStaff = "Unit staff must belong to a unit.";
    public const string UnitMissing = "The unit does not exist.";
    public const string UnitInactive = "The unit is deactivated; choose an active unit.";
    public const string UnitConflict = "The unit id and the unit code name different units.";
    public const string EmailFormat = "The e-mail address is not valid (for example name@example.org, at most 254 characters).";
    public const string PhoneFormat = "The phone number may hold digits, spaces and + - ( ) only, at most 50 characters.";

    public const string Stale = "Someone else changed this record after you opened it. Nothing was saved.";
    public const string VersionRequired = "Send the version you based the change on: an If-Match header with the ETag, or a version field.";
    public const string AlreadyHasSignIn = "The person already has a sign-in.";
    public const string NoSignIn = "The person has no sign-in yet.";
    public const string UserNameTaken = "That user name is taken.";
    public const string CannotDeactivateSelf = "You cannot deactivate yourself; ask another administrator.";
}
