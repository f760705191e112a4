using Followthrough.Accounts;
using Followthrough.Web;

namespace Followthrough.Organization;

/// <summary>
/// Checks a new sign-in before <see cref="AccountService"/> creates it, so each problem lands on its own field
/// (the account service answers in one sentence).
/// </summary>
public static class SignIns
{
    public const string UserNameRule = "A user name has 2 to 64 letters, digits, dots, hyphens or underscores.";

    public static ValidationErrors Check(string? userName, string? password)
    {
        var errors = new ValidationErrors();
        var name = AccountService.NormalizeUserName(userName ?? string.Empty);
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors.Add("userName", UserNameRule);
        }

        if (Passwords.Weakness(password) is { } weakness)
        {
            errors.Add("password", weakness);
        }

        return errors;
    }

    /// <summary>The account service's answer for a name already in use, in this module's words.</summary>
    public static string Reword(string problem) =>
        problem.StartsWith("That user name is taken", StringComparison.Ordinal) ? OrganizationMessages.UserNameTaken : problem;
}
