namespace Followthrough.Organization;

/// <summary>The sign-in service's answers in this module's words.</summary>
internal static class SignIns
{
    /// <summary>The answer for a name already in use, as the people pages word it.</summary>
    public static string Reword(string problem) =>
        problem.StartsWith("That user name is taken", StringComparison.Ordinal) ? OrganizationMessages.UserNameTaken : problem;
}
