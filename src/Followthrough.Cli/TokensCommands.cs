using System.CommandLine;
using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Web;

namespace Followthrough.Cli;

/// <summary><c>tokens create | revoke</c>: personal API tokens, e.g. for a script that runs as a service account.</summary>
internal static class TokensCommands
{
    public static Command Build()
    {
        var tokens = new Command("tokens", "Personal API tokens: create one for a user (the secret is printed once), or revoke one.");
        tokens.Subcommands.Add(Create());
        tokens.Subcommands.Add(Revoke());
        return tokens;
    }

    private static Option<string> UserOption() => new("--user") { Description = "The user name the token acts as.", Required = true };

    private static Command Create()
    {
        var user = UserOption();
        var name = new Option<string>("--name") { Description = "What the token is for (at most 100 characters).", Required = true };
        var expires = new Option<string?>("--expires") { Description = "YYYY-MM-DD: the token stops working at 00:00 UTC that day. Default: until revoked." };
        var command = new Command("create", "Create a token for a user and print its secret, shown only this once.") { user, name, expires };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTime? expiresAt = null;
            if (parse.GetValue(expires) is { } text)
            {
                expiresAt = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? TokenRules.ExpiryOn(date)
                    : throw new CliException($"--expires takes a date as YYYY-MM-DD, not \"{text}\".");
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var account = await FindAccountAsync(context, parse.GetValue(user)!, cancellationToken);
            var errors = new ValidationErrors();
            TokenRules.Check(parse.GetValue(name), expiresAt, context.Get<TimeProvider>().GetUtcNow().UtcDateTime, errors);
            if (!errors.IsEmpty)
            {
                throw new CliException(string.Join(' ', errors.Messages));
            }

            var created = await context.Get<TokenService>().CreateAsync(account.PersonId, parse.GetValue(name)!, expiresAt, cancellationToken);
            var until = expiresAt is { } at ? $"until {at:yyyy-MM-dd HH:mm}Z" : "until revoked";
            await context.Output.WriteLineAsync($"Token {created.Token.Id} \"{created.Token.Name}\" for {account.UserName}, valid {until}.");
            await context.Output.WriteLineAsync($"Secret (shown only now; keep it like a password): {created.Secret}");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var user = UserOption();
        var id = new Argument<int>("ID") { Description = "The token's number (shown when it was created, and on the user's token page)." };
        var command = new Command("revoke", "Revoke one of a user's tokens; it is refused from the next request on.") { user, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var account = await FindAccountAsync(context, parse.GetValue(user)!, cancellationToken);
            var tokenId = parse.GetValue(id);
            if (!await context.Get<TokenService>().RevokeAsync(account.PersonId, tokenId, cancellationToken))
            {
                throw new CliException($"{account.UserName} has no token {tokenId}.");
            }

            await context.Output.WriteLineAsync($"Token {tokenId} of {account.UserName} is revoked.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    /// <summary>The account with this user name, as the Accounts module finds it (its entity is its own).</summary>
    private static async Task<AccountSummary> FindAccountAsync(CliContext context, string userName, CancellationToken cancellationToken) =>
        await context.Get<AccountDirectory>().FindAsync(userName, cancellationToken)
            ?? throw new CliException($"There is no user named \"{AccountService.NormalizeUserName(userName)}\". See: followthrough users list");
}
