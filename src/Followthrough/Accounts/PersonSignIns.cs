using Followthrough.Organization;

namespace Followthrough.Accounts;

/// <summary>The sign-ins the people pages manage (<see cref="IPersonSignIns"/>), kept by <see cref="AccountService"/> and read through <see cref="AccountDirectory"/>.</summary>
internal sealed class PersonSignIns(AccountService accounts, AccountDirectory directory) : IPersonSignIns
{
    public const string UserNameRule = "A user name has 2 to 64 letters, digits, dots, hyphens or underscores.";

    public Task<IReadOnlyDictionary<int, string>> UserNamesAsync(IEnumerable<int> personIds, CancellationToken cancellationToken = default) =>
        directory.UserNamesAsync(personIds, cancellationToken);

    public ValidationErrors Check(string? userName, string? password)
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

    public string Normalize(string userName) => AccountService.NormalizeUserName(userName);

    public Task<string?> CreateAsync(int personId, string userName, string password, CancellationToken cancellationToken = default) =>
        accounts.CreateAsync(personId, userName, password, cancellationToken);

    public Task<string?> SetPasswordAsync(string userName, string password, CancellationToken cancellationToken = default) =>
        accounts.SetPasswordAsync(userName, password, cancellationToken);

    public Task KeepStandingAsync(PersonEntry person, CancellationToken cancellationToken = default) =>
        accounts.KeepStandingAsync(person, cancellationToken);

    public Task<bool> EndSessionsAsync(int personId, string action, CancellationToken cancellationToken = default) =>
        accounts.EndSessionsAsync(personId, action, cancellationToken);
}
