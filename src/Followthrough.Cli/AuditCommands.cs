using System.CommandLine;
using Followthrough.Audit;

namespace Followthrough.Cli;

/// <summary><c>audit verify</c>: recompute the hash chain, e.g. nightly from cron; exit 1 means it was tampered with.</summary>
internal static class AuditCommands
{
    public static Command Build()
    {
        var audit = new Command("audit", "The append-only, hash-chained audit trail.");
        var verify = new Command("verify",
            "Recompute every entry's hash and the chain head. Exit 0 when intact; exit 1 with the first broken entry's number and the problem.");
        verify.SetAction(async (parse, cancellationToken) =>
        {
            // Checking must not change the database, so it is not migrated first.
            await using var context = await CliContext.OpenAsync(parse, migrate: false, cancellationToken);
            AuditVerification result;
            try
            {
                result = await context.Get<AuditVerifier>().VerifyAsync(cancellationToken);
            }
            catch (System.Data.Common.DbException error)
            {
                throw new CliException($"Cannot read the audit trail of {context.Settings.Describe()}: {error.Message}", FollowthroughCli.Failed);
            }

            if (result.Intact)
            {
                await context.Output.WriteLineAsync($"intact, {result.EntriesChecked} entries");
                return FollowthroughCli.Ok;
            }

            await context.Error.WriteLineAsync($"BROKEN at entry {result.BrokenSequence}: {result.Problem}");
            await context.Error.WriteLineAsync($"The {result.EntriesChecked} entries before it are intact.");
            return FollowthroughCli.Failed;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
