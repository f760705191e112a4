namespace Followthrough.Organization;

/// <summary>
/// A person as the API shows them. <see cref="UserName"/> is given to those who manage people only; nobody ever
/// sees a password hash.
/// </summary>
internal sealed record PersonDto(
    int Id,
    string NameZh,
    string NameEn,
    string Title,
    string Role,
    int? UnitId,
    string? UnitCode,
    string? Email,
    string? Phone,
    bool IsActive,
    bool HasSignIn,
    string? UserName,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static PersonDto From(Person person, string? unitCode, string? userName, bool showUserName)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonDto(person.Id, person.NameZh, person.NameEn, person.Title, person.Role.ToString(), person.UnitId, unitCode,
            person.Email, person.Phone, person.IsActive, userName is not null, showUserName ? userName : null, person.Version,
            person.CreatedAt, person.UpdatedAt);
    }
}

/// <summary>What a people list is narrowed to; every part is optional. Q matches part of either name, the title or the e-mail address, ignoring case.</summary>
internal sealed record PersonFilter(string? Q = null, int? UnitId = null, Role? Role = null, bool? Active = null);
