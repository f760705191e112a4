using System.Net.Mail;
using Followthrough.Web;

namespace Followthrough.Organization;

/// <summary>
/// What a person sent by a form or the API asks for, before it is checked. The unit is given by id (forms and the
/// API) or by code; when both are given they must name the same unit.
/// </summary>
public sealed record PersonInput(
    string? NameZh,
    string? NameEn,
    string? Title,
    string? Role,
    int? UnitId = null,
    string? UnitCode = null,
    string? Email = null,
    string? Phone = null);

/// <summary>The checked, normalized fields of a person that do not depend on other records.</summary>
internal sealed record PersonValues(string NameZh, string NameEn, string Title, Role Role, string? Email, string? Phone);

/// <summary>
/// The rules a person must satisfy on their own: a Chinese name, a known role, a unit when they are unit staff
/// (who act only for their unit), a plausible e-mail address and phone number when given.
/// </summary>
internal static class PersonRules
{
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 50;

    public static Role? ParseRole(string? text) => UnitRules.ParseName<Role>(text);

    public static bool IsValidEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Length <= MaxEmailLength
            && !email.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.StartsWith('.')
            && !address.Host.EndsWith('.');
    }

    public static bool IsValidPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length <= MaxPhoneLength
            && phone.Any(char.IsAsciiDigit)
            && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')');
    }

    public static (PersonValues? Values, ValidationErrors Errors) Check(PersonInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var nameZh = UnitRules.CheckName(input.NameZh, "nameZh", OrganizationMessages.NameZhRequired, OrganizationMessages.NameZhTooLong, errors);
        var nameEn = (input.NameEn ?? string.Empty).Trim();
        if (nameEn.Length > UnitRules.MaxNameLength)
        {
            errors.Add("nameEn", OrganizationMessages.NameEnTooLong);
        }

        var title = (input.Title ?? string.Empty).Trim();
        if (title.Length > UnitRules.MaxNameLength)
        {
            errors.Add("title", OrganizationMessages.TitleTooLong);
        }

        var role = ParseRole(input.Role);
        if (string.IsNullOrWhiteSpace(input.Role))
        {
            errors.Add("role", OrganizationMessages.RoleRequired);
        }
        else if (role is null)
        {
            errors.Add("role", OrganizationMessages.RoleUnknown);
        }
        else if (role == Role.UnitStaff && input.UnitId is null && string.IsNullOrWhiteSpace(input.UnitCode))
        {
            errors.Add("unitId", OrganizationMessages.UnitRequiredForStaff);
        }

        var email = Blank(input.Email);
        if (email is not null && !IsValidEmail(email))
        {
            errors.Add("email", OrganizationMessages.EmailFormat);
        }

        var phone = Blank(input.Phone);
        if (phone is not null && !IsValidPhone(phone))
        {
            errors.Add("phone", OrganizationMessages.PhoneFormat);
        }

        return errors.IsEmpty
            ? (new PersonValues(nameZh, nameEn, title, role!.Value, email, phone), errors)
            : (null, errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
