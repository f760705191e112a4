using System.Security.Cryptography;
using Followthrough.Organization;
using Followthrough.Storage;
using Followthrough.Storage.Files;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Plans.Files;

/// <summary>How an import runs: for real or as a check only, and whose values the importer may record.</summary>
/// <param name="DryRun">Check the file and count what would change, but write nothing.</param>
/// <param name="MayRecordValuesFor">Given a reporting unit's id, whether the importer may record that unit's values;
/// null for operators at the command line, who may record any.</param>
public sealed record ImportOptions(bool DryRun = false, Func<int, bool>? MayRecordValuesFor = null);

/// <summary>What came of an import: the problems (nothing was written), or a summary of what changed.</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, ImportSummaryDto? Summary)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports a plan file (CSV or Excel). The whole file is checked first and nothing is written unless every row is
/// valid. Records are matched by code: new codes are created, changed rows update their record, identical rows are
/// left alone, so importing the same file twice changes nothing and writes no audit entries. Records missing from
/// the file are kept (an import never deletes). A changed value is never overwritten: it is recorded as a correction
/// that supersedes the earlier figure.
/// <para>
/// Writing happens in one transaction. New rows are inserted in batches (no change tracker), each with its own audit
/// entry ("imported", naming the file and its SHA-256) written in bulk into the same hash chain; changed records go
/// through the normal save, which audits their before and after values; and one summary entry ("plan-imported") records
/// the file, its checksum and the counts. The trail therefore stays complete and verifiable row by row.
/// </para>
/// </summary>
public sealed class PlanImporter(FollowthroughDb db, OrganizationDirectory organization, FileLimits? limits = null)
{
    public const string Action = "imported";
    public const string SummaryAction = "plan-imported";

    public async Task<ImportOutcome> ImportAsync(byte[] content, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(fileName ?? string.Empty);
        List<SheetTable> tables;
        string? problem;
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".csv":
                tables = CsvSheets.Read(new MemoryStream(content, writable: false), out problem, limits);
                break;
            case ".xlsx":
                tables = XlsxSheets.Read(content, out problem, limits);
                break;
            default:
                return Fail(new ImportProblem(name, 0, string.Empty, "Import files are CSV (.csv) or Excel (.xlsx)."));
        }

        if (problem is not null)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, problem));
        }

        var (sheets, structure) = MappedSheet.MapFile(tables);
        if (structure.Count > 0)
        {
            return new ImportOutcome(structure, null);
        }

        var planSheet = sheets[PlanFileLayout.Plan];
        var planCode = planSheet.Rows.Count > 0 && planSheet.Columns.TryGetValue("code", out var codeColumn)
            ? PlanChecks.NormalizeCode(planSheet.Rows[0][codeColumn])
            : string.Empty;
        var existing = await ExistingPlan.LoadAsync(db, planCode, cancellationToken);
        var linkable = await HigherPlanLinks.LoadAsync(db, sheets, cancellationToken);
        var units = await UnitDirectory.LoadAsync(organization, cancellationToken);
        var validator = new PlanImportValidator(units, existing, linkable, options.MayRecordValuesFor ?? (_ => true), ChinaClock.Today(db.Clock));
        var draft = validator.Validate(sheets);
        if (draft is null)
        {
            return new ImportOutcome(validator.Problems, null);
        }

        var changes = ImportChanges.Compute(draft, existing);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (options.DryRun || changes.IsEmpty)
        {
            return new ImportOutcome([], changes.Summary(applied: false, importId: null, draft.Plan.Code));
        }

        try
        {
            var importId = await new PlanImportWriter(db, draft, existing, changes, name, sha).WriteAsync(cancellationToken);
            return new ImportOutcome([], changes.Summary(applied: true, importId, draft.Plan.Code));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, "Someone changed the plan while the file was being imported; nothing was written. Import it again."));
        }
        catch (DbUpdateException error)
        {
            return Fail(new ImportProblem(name, 0, string.Empty, $"The import clashed with a change made at the same moment; nothing was written ({error.InnerException?.Message ?? error.Message})."));
        }
    }

    private static ImportOutcome Fail(ImportProblem problem) => new([problem], null);
}
