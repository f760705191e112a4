using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Followthrough.Needs;
using Followthrough.Organization;

namespace Followthrough.Cli;

/// <summary><c>followthrough needs list [--unit CODE] [--overdue] [--json]</c>: enterprise needs, overdue first.</summary>
internal static class NeedsCommands
{
    /// <summary>The command line reads with the supervision office's view (it runs on the server, by its operator).</summary>
    private static readonly CurrentUser Office = new(null, "cli", Role.Supervisor, null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var needs = new Command("needs", "Enterprise needs (企业诉求): filed by enterprises or recorded after visits, answered by units, called back.");
        var unit = new Option<string?>("--unit") { Description = "A unit's code (e.g. DL-DRC): its queue, the needs whose move is its own and those it co-operates on" };
        var overdue = new Option<bool>("--overdue") { Description = "Only the needs past their limit and not yet answered" };
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON (the API's answer)" };
        var list = new Command("list", "List open needs, overdue first: id, state, due date, working days left, lead or responsible unit, category, enterprise, title.")
        {
            unit, overdue, json,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken: cancellationToken);
            var service = context.Get<EnterpriseNeeds>();
            var directory = context.Get<OrganizationDirectory>();
            IReadOnlyList<NeedRow> rows;
            if (parse.GetValue(unit) is { } code)
            {
                var found = await directory.UnitByCodeAsync(code.Trim(), cancellationToken) ?? throw new CliException($"--unit: there is no unit with the code \"{code}\".");
                rows = (await service.QueueAsync(Office, found.Id, parse.GetValue(overdue), cancellationToken)).Value!;
            }
            else
            {
                rows = (await service.OverviewAsync(Office, parse.GetValue(overdue), cancellationToken)).Value!.Open;
            }

            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(rows, Json));
                return FollowthroughCli.Ok;
            }

            var units = await directory.UnitsAsync(rows.SelectMany(r => new[] { (int?)r.ResponsibleUnitId, r.LeadUnitId }).OfType<int>().Distinct(), cancellationToken);
            foreach (var r in rows)
            {
                var holder = r.LeadUnitId is { } lead && r.State is NeedState.Dispatched ? lead : r.ResponsibleUnitId;
                var left = r.WorkingDaysLeft is { } days ? (days < 0 ? $"{-days} wd late" : $"{days} wd left") : "-";
                await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,6}  {r.State,-10}  {r.DueOn:yyyy-MM-dd}  {left,-12}  {units.GetValueOrDefault(holder)?.Code ?? "?",-8}  {r.Category,-16}  {r.EnterpriseName}: {r.Title}"));
            }

            await context.Output.WriteLineAsync($"{rows.Count} need(s).");
            return FollowthroughCli.Ok;
        });
        needs.Subcommands.Add(list);
        return needs;
    }
}
