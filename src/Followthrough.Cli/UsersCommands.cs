using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Followthrough.Accounts;
using Followthrough.Organization;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Cli;

/// <summary><c>users add | reset-password | end-sessions | list</c>: people who can sign in, managed from the terminal.</summary>
internal static class UsersCommands
{
    public static Command Build()
    {
        var users = new Command("users", "People who can sign in: add them, reset their passwords, list them.");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(ResetPassword());
        users.Subcommands.Add(EndSessions());
        users.Subcommands.Add(List());
        return users;
    }

    private static Command Add()
    {
        var userName = new Argument<string>("USERNAME") { Description = "The sign-in name: 2 to 64 letters, digits, dots, hyphens or underscores (stored in lower case)." };
        var name = new Option<string>("--name") { Description = "The person's name in Chinese (or the only name they have).", Required = true };
        var nameEn = new Option<string?>("--name-en") { Description = "The person's name in English." };
        var role = new Option<string>("--role")
        {
            Description = $"What the person may do: {string.Join(", ", Enum.GetNames<Role>())} (any case).",
            Required = true,
        };
        var unit = new Option<string?>("--unit") { Description = "The code of the person's unit, e.g. DL-DRC (required for UnitStaff)." };
        var title = new Option<string?>("--title") { Description = "Post or title, e.g. \"Vice-mayor\"." };
        var password = new Option<string?>("--password") { Description = "The first password; without it one is generated and printed once." };
        var command = new Command("add", "Create a person together with their sign-in; nothing is written if any part fails.")
        {
            userName, name, nameEn, role, unit, title, password,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parsedRole = ParseRole(parse.GetValue(role)!);
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var unitId = await UnitIdAsync(context, parse.GetValue(unit), cancellationToken);
            if (parsedRole == Role.UnitStaff && unitId is null)
            {
                throw new CliException("Unit staff act for their unit: give its code with --unit (e.g. --unit DL-DRC).");
            }

            var generated = parse.GetValue(password) is null;
            var secret = parse.GetValue(password) ?? Passwords.Generate();
            var newUser = new NewUser(parse.GetValue(userName)!, parse.GetValue(name)!, parse.GetValue(nameEn), parse.GetValue(title), parsedRole, unitId, secret);
            var (personId, problem) = await context.Get<AccountService>().EnrolAsync(newUser, cancellationToken);
            if (problem is not null)
            {
                throw new CliException($"Not created: {problem}");
            }

            var normalized = AccountService.NormalizeUserName(newUser.UserName);
            await context.Output.WriteLineAsync($"Created {normalized} (person {personId}, {parsedRole}).");
            if (generated)
            {
                await context.Output.WriteLineAsync($"Password (shown only now): {secret}");
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var userName = new Argument<string>("USERNAME") { Description = "Whose password to reset." };
        var password = new Option<string?>("--password") { Description = "The new password; without it one is generated and printed once." };
        var command = new Command("reset-password", "Set a new password and lift any lock-out.") { userName, password };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var generated = parse.GetValue(password) is null;
            var secret = parse.GetValue(password) ?? Passwords.Generate();
            var name = AccountService.NormalizeUserName(parse.GetValue(userName));
            if (await context.Get<AccountService>().SetPasswordAsync(name, secret, cancellationToken) is { } problem)
            {
                throw new CliException($"Not changed: {problem}");
            }

            await context.Output.WriteLineAsync($"The password of {name} was reset; the account is unlocked.");
            if (generated)
            {
                await context.Output.WriteLineAsync($"Password (shown only now): {secret}");
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command EndSessions()
    {
        var userName = new Argument<string>("USERNAME") { Description = "Whose sessions to end." };
        var command = new Command("end-sessions", "Sign the person out everywhere at once; their API tokens stay (revoke those with `tokens`).") { userName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var name = AccountService.NormalizeUserName(parse.GetValue(userName));
            var account = await context.Get<AccountDirectory>().FindAsync(name, cancellationToken)
                ?? throw new CliException($"There is no account named {name}.");
            await context.Get<AccountService>().EndSessionsAsync(account.PersonId, "sessions-ended", cancellationToken);
            await context.Output.WriteLineAsync($"Every session of {name} has ended; they must sign in again.");
            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", "Everyone who can sign in, with role, unit and state.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var accounts = await context.Get<AccountDirectory>().ListAsync(cancellationToken);
            var now = context.Get<TimeProvider>().GetUtcNow().UtcDateTime;
            if (parse.GetValue(json))
            {
                var rows = accounts.Select(a => new
                {
                    personId = a.PersonId,
                    userName = a.UserName,
                    nameZh = a.NameZh,
                    nameEn = a.NameEn,
                    role = a.Role.ToString(),
                    unit = a.UnitCode,
                    active = a.IsActive,
                    lockedUntil = a.LockedUntil > now ? a.LockedUntil : null,
                    lastSignInAt = a.LastSignInAt,
                });
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions));
                return FollowthroughCli.Ok;
            }

            await context.Output.WriteLineAsync($"{"USER",-24} {"ROLE",-13} {"UNIT",-10} {"STATE",-22} NAME");
            foreach (var a in accounts)
            {
                var state = !a.IsActive ? "deactivated"
                    : a.LockedUntil > now ? $"locked until {a.LockedUntil:HH:mm}Z"
                    : "active";
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{a.UserName,-24} {a.Role,-13} {a.UnitCode ?? "-",-10} {state,-22} {a.NameZh}{(a.NameEn.Length > 0 ? $" ({a.NameEn})" : "")}"));
            }

            return FollowthroughCli.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese names stay readable
    };

    private static Role ParseRole(string text)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            if (string.Equals(role.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return role;
            }
        }

        throw new CliException($"Unknown role \"{text}\". Roles: {string.Join(", ", Enum.GetNames<Role>())}.");
    }

    private static async Task<int?> UnitIdAsync(CliContext context, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var unit = await context.Get<OrganizationDirectory>().UnitByCodeAsync(code, cancellationToken);
        return unit?.Id ?? throw new CliException($"There is no unit with the code \"{code.Trim()}\". The unit codes are listed on the Units page.");
    }
}
