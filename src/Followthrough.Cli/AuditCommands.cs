using System.CommandLine;
using System.Globalization;
using Followthrough.Audit;

namespace Followthrough.Cli;

/// <summary>
/// <c>audit verify [--checkpoint FILE]</c>: recompute the keyed hash chain, e.g. nightly from cron (exit 1: tampered
/// with); <c>audit checkpoint</c>: write a signed checkpoint of the head now; <c>audit rotate-key</c>; <c>audit
/// reconcile</c>: records changed behind the product's back (exit 1 when any).
/// </summary>
internal static class AuditCommands
{
    public static Command Build()
    {
        var audit = new Command("audit", "The append-only, keyed hash-chained audit trail.");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Checkpoint());
        audit.Subcommands.Add(RotateKey());
        audit.Subcommands.Add(Reconcile());
        return audit;
    }

    private static Command Verify()
    {
        var checkpoints = new Option<string[]>("--checkpoint")
        {
            Description = "A checkpoint file (JSON lines, as `audit checkpoint` and the daily run write them) to check the trail against; may be repeated",
        };
        var verify = new Command("verify",
            "Recompute every entry's hash (HMAC with the audit key; plain SHA-256 for entries written before keying) and the chain head, "
            + "and check the trail still holds every checkpointed entry. Exit 0 when intact; exit 1 with the first broken entry's number and the problem.");
        verify.Options.Add(checkpoints);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var anchors = new List<AuditCheckpoint>();
            foreach (var file in parse.GetValue(checkpoints) ?? [])
            {
                try
                {
                    anchors.AddRange(await AuditCheckpoints.ReadFileAsync(file, cancellationToken));
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
                {
                    throw new CliException($"Cannot read the checkpoints: {error.Message}");
                }
            }

            // Checking must not change the database, so it is not migrated first.
            await using var context = await CliContext.OpenAsync(parse, migrate: false, cancellationToken);
            AuditVerification result;
            try
            {
                result = await context.Get<AuditVerifier>().VerifyAsync(anchors, cancellationToken);
            }
            catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                throw new CliException($"Cannot read the audit trail of {context.Settings.Describe()}: {error.Message}", FollowthroughCli.Failed);
            }

            if (result.Intact)
            {
                var against = anchors.Count == 0 ? string.Empty : $", consistent with {anchors.Count} checkpoint(s)";
                await context.Output.WriteLineAsync($"intact, {result.EntriesChecked} entries{against}");
                return FollowthroughCli.Ok;
            }

            await context.Error.WriteLineAsync($"BROKEN at entry {result.BrokenSequence}: {result.Problem}");
            await context.Error.WriteLineAsync($"The {result.EntriesChecked} entries before it are intact.");
            return FollowthroughCli.Failed;
        });
        return verify;
    }

    private static Command Checkpoint()
    {
        var file = new Option<string?>("--file") { Description = "Append to this file (default: Followthrough__Audit__CheckpointFile, and the webhook or mail configured)" };
        var command = new Command("checkpoint",
            "Sign the end of the audit trail (entry number, hash, time, key id) with the audit key and append it, as one JSON line, "
            + "to the checkpoint file (and send it to the webhook or mailbox configured). The daily supervision run writes one each day.");
        command.Options.Add(file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file);
            KeyValuePair<string, string?>[] extra = path is { Length: > 0 } ? [new("Followthrough:Audit:CheckpointFile", Path.GetFullPath(path))] : [];
            await using var context = await CliContext.OpenAsync(parse, migrate: true, extra, cancellationToken);
            try
            {
                var checkpoint = await context.Get<AuditCheckpoints>().WriteAsync(cancellationToken);
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"checkpoint written: entry {checkpoint.Sequence}, hash {checkpoint.Hash}, key {checkpoint.KeyId}"));
                return FollowthroughCli.Ok;
            }
            catch (InvalidOperationException error)
            {
                throw new CliException(error.Message);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or HttpRequestException)
            {
                throw new CliException($"The checkpoint could not be written: {error.Message}", FollowthroughCli.Failed);
            }
        });
        return command;
    }

    private static Command RotateKey()
    {
        var comment = new Option<string?>("--comment") { Description = "Why, for the trail (e.g. the yearly rotation, a departed administrator)" };
        var command = new Command("rotate-key",
            "Add a new audit key to the key file and hash new entries with it; earlier keys stay in the file so older entries still verify. "
            + "The rotation is recorded in the trail with the new key's id (never the key).");
        command.Options.Add(comment);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            try
            {
                var id = await context.Get<AuditKeyRotation>().RotateAsync(parse.GetValue(comment), cancellationToken);
                await context.Output.WriteLineAsync($"new audit key {id} in use; keep the whole key file (it holds the earlier keys too)");
                return FollowthroughCli.Ok;
            }
            catch (InvalidOperationException error)
            {
                throw new CliException(error.Message);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"The key file could not be written: {error.Message}", FollowthroughCli.Failed);
            }
        });
        return command;
    }

    private static Command Reconcile()
    {
        var command = new Command("reconcile",
            "Compare every audited record with the state its audit trail says it should have, and list each one changed behind the "
            + "product's back (plain SQL on the database): a changed column, a row deleted or inserted without an entry. Exit 1 when any is found.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, migrate: false, cancellationToken);
            AuditReconcileSummary summary;
            try
            {
                summary = await context.Get<AuditReconciliation>().RunAsync(
                    mismatch => context.Output.WriteLineAsync($"{mismatch.EntityType} {mismatch.EntityId}: {mismatch.Problem}"), cancellationToken);
            }
            catch (System.Data.Common.DbException error)
            {
                throw new CliException($"Cannot read {context.Settings.Describe()}: {error.Message}", FollowthroughCli.Failed);
            }

            var skipped = summary.NotCompared.Count == 0 ? string.Empty : $"; not compared: {string.Join(", ", summary.NotCompared)}";
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{summary.Records} records in {summary.Tables} tables compared with their trail, {summary.Mismatches} mismatches{skipped}");
            await (summary.Mismatches == 0 ? context.Output : context.Error).WriteLineAsync(line);
            return summary.Mismatches == 0 ? FollowthroughCli.Ok : FollowthroughCli.Failed;
        });
        return command;
    }
}
