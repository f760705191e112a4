using System.Text.Json;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Services.Duties;
using Followthrough.Services.Materials;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Bundles;

/// <summary>
/// Filing a bundle (一件事一次办) and following it: one form and one set of materials fan out to one ordinary
/// application per part, each filed through <see cref="ApplicantMaterials"/> (and so <see cref="ServiceApplications"/>)
/// under its item's current version and handled by its own unit under its own clock. The parts commit together or not
/// at all: every part is checked first and any error names its part (<c>parts[i].…</c>); only then are they filed in one
/// transaction. The applicant follows one status derived from the parts.
/// </summary>
internal sealed class BundleApplications(FollowthroughDb db, ServiceBundles bundles, ApplicantMaterials materials, UnitDuties duties)
{
    public const string ApplicantsOnly = "Enterprises and citizens file a bundle for themselves; a window officer of a unit handling one of its services records it for them.";
    public const string WindowOfficersOnly = "Only a window officer (窗口人员) of a unit that handles one of the bundle's services records it at the window for an applicant.";
    public const string NoSuchMaterial = "Each material must name one of the bundle's materials, once.";

    private static readonly JsonSerializerOptions Json = ServiceCatalogue.Json;

    /// <summary>The bundle's one form: its parts' fields and materials, each asked once.</summary>
    public async Task<(BundleEntry Bundle, IReadOnlyList<ServiceItemEntry> Parts, BundleForm Form)?> FormAsync(int bundleId, CancellationToken cancellationToken = default)
    {
        if (await bundles.GetAsync(bundleId, cancellationToken) is not { } bundle)
        {
            return null;
        }

        var parts = await bundles.PartsAsync(bundle, cancellationToken);
        return (bundle, parts, BundleRules.Form(parts));
    }

    public async Task<Outcome<BundleApplicationEntry>> FileAsync(CurrentUser me, BundleFilingInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var window = !ServicesPermissions.CanApply(me); // recorded at a window for the applicant named
        if (window && me.Role is not Role.UnitStaff)
        {
            return Outcome.Forbidden<BundleApplicationEntry>(ApplicantsOnly);
        }

        var errors = new ValidationErrors();
        var form = input.BundleId is { } id ? await FormAsync(id, cancellationToken) : null;
        if (form is not { } found)
        {
            errors.Add("bundleId", input.BundleId is null ? BundleRules.BundleRequired : BundleRules.BundleUnknown);
            return Outcome.Invalid<BundleApplicationEntry>(errors);
        }

        var (bundle, parts, shape) = found;
        if (window && !await MayRecordAtWindowAsync(me, bundle, cancellationToken))
        {
            return Outcome.Forbidden<BundleApplicationEntry>(WindowOfficersOnly);
        }

        if (bundle.Status == BundleStatus.Withdrawn)
        {
            errors.Add("bundleId", BundleRules.BundleWithdrawn);
            return Outcome.Invalid<BundleApplicationEntry>(errors);
        }

        var choices = input.Materials ?? [];
        if (choices.Any(c => c.Position is not { } p || p < 0 || p >= shape.Materials.Count) || choices.GroupBy(c => c.Position).Any(g => g.Count() > 1))
        {
            errors.Add("materials", NoSuchMaterial);
            return Outcome.Invalid<BundleApplicationEntry>(errors);
        }

        // every part checked before any is written, so that the applicant hears of every problem at once
        var filings = parts.Select((item, p) => (Input: PartInput(item, input.Answers) with { ApplicantId = window ? input.ApplicantId : null, AtBundleWindow = window }, Choices: PartChoices(item, shape, choices))).ToList();
        for (var p = 0; p < parts.Count; p++)
        {
            if (await materials.CheckFilingAsync(me, filings[p].Input, filings[p].Choices, cancellationToken) is { } partErrors)
            {
                foreach (var (field, messages) in partErrors.ToDictionary())
                {
                    foreach (var message in messages)
                    {
                        errors.Add($"parts[{p}].{field}", message);
                    }
                }
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<BundleApplicationEntry>(errors);
        }

        // its own transaction, or a savepoint in the caller's (the demo loads inside one): either way the parts go together
        var outer = db.Database.CurrentTransaction;
        await using var own = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = outer ?? own!;
        if (outer is not null)
        {
            await outer.CreateSavepointAsync("bundle", cancellationToken);
        }

        var filed = new ServiceBundleApplication
        {
            BundleId = bundle.Id, BundleCode = bundle.Code, NameZh = bundle.NameZh, NameEn = bundle.NameEn,
            ApplicantId = window ? input.ApplicantId!.Value : me.PersonId!.Value, FiledAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<ServiceBundleApplication>().Add(filed);
        db.DescribeNextSave("bundle-filed", bundle.Code);
        await db.SaveChangesAsync(cancellationToken);
        for (var p = 0; p < parts.Count; p++)
        {
            var part = await materials.FileAsync(me, filings[p].Input, filings[p].Choices, cancellationToken);
            if (!part.IsDone)
            {
                // changed between the check and now (an item withdrawn meanwhile): nothing of the bundle stays
                await (outer is null ? transaction.RollbackAsync(cancellationToken) : outer.RollbackToSavepointAsync("bundle", cancellationToken));
                db.ChangeTracker.Clear();
                foreach (var (field, messages) in part.Errors?.ToDictionary() ?? new Dictionary<string, string[]> { ["itemId"] = [part.Reason ?? BundleRules.PartWithdrawn] })
                {
                    foreach (var message in messages)
                    {
                        errors.Add($"parts[{p}].{field}", message);
                    }
                }

                return Outcome.Invalid<BundleApplicationEntry>(errors);
            }

            db.Set<ServiceBundlePart>().Add(new ServiceBundlePart { BundleApplicationId = filed.Id, ApplicationId = part.Value!.Id, Position = p });
        }

        db.DescribeNextSave("bundle-parts", bundle.Code);
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return Outcome.Done(await EntryAsync(filed, cancellationToken));
    }

    /// <summary>The reader is a window officer of a unit that handles one of the bundle's services: they record it for an applicant.</summary>
    public async Task<bool> MayRecordAtWindowAsync(CurrentUser me, BundleEntry bundle, CancellationToken cancellationToken = default) =>
        me is { Role: Role.UnitStaff, UnitId: { } unit } && bundle.Items.Any(i => i.UnitId == unit)
        && (await duties.OfAsync(me, unit, cancellationToken)).Contains(ServiceDuty.WindowOfficer);

    /// <summary>One bundle application: seen by its applicant and by whoever may see one of its parts; not found for anyone else.</summary>
    public async Task<Outcome<BundleApplicationEntry>> GetAsync(CurrentUser me, int id, CancellationToken cancellationToken = default)
    {
        var filed = await db.Set<ServiceBundleApplication>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (filed is null)
        {
            return Outcome.NotFound<BundleApplicationEntry>("The bundle application");
        }

        var entry = await EntryAsync(filed, cancellationToken);
        return me?.PersonId == filed.ApplicantId || entry.Parts.Any(p => ServicesPermissions.CanSeeApplication(me!, filed.ApplicantId, p.UnitId))
            ? Outcome.Done(entry)
            : Outcome.NotFound<BundleApplicationEntry>("The bundle application");
    }

    /// <summary>The applicant's own bundle applications, newest first.</summary>
    public async Task<IReadOnlyList<BundleApplicationEntry>> MineAsync(CurrentUser me, CancellationToken cancellationToken = default)
    {
        if (me?.PersonId is not { } personId)
        {
            return [];
        }

        var rows = await db.Set<ServiceBundleApplication>().AsNoTracking().Where(b => b.ApplicantId == personId).OrderByDescending(b => b.Id).Take(100).ToListAsync(cancellationToken);
        var result = new List<BundleApplicationEntry>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(await EntryAsync(row, cancellationToken));
        }

        return result;
    }

    /// <summary>The bundle application an application is part of, if any (its page links to it).</summary>
    public async Task<BundleMembership?> MembershipAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var bundleApplicationId = await db.Set<ServiceBundlePart>().AsNoTracking().Where(p => p.ApplicationId == applicationId)
            .Select(p => (int?)p.BundleApplicationId).SingleOrDefaultAsync(cancellationToken);
        return bundleApplicationId is { } id && await db.Set<ServiceBundleApplication>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is { } b
            ? new BundleMembership(b.Id, b.NameZh, b.NameEn)
            : null;
    }

    /// <summary>A part's answers: the part's own fields' answers (all the answers when the item takes free answers).</summary>
    private static ApplicationInput PartInput(ServiceItemEntry item, IReadOnlyDictionary<string, string?>? answers)
    {
        var given = answers ?? new Dictionary<string, string?>();
        var keys = item.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return new ApplicationInput(item.Id, item.Fields.Count == 0 ? given : given.Where(a => keys.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value));
    }

    /// <summary>A part's materials, each given as the bundle's material of the same name was.</summary>
    private static List<MaterialChoice> PartChoices(ServiceItemEntry item, BundleForm form, IReadOnlyList<MaterialChoiceInput> choices)
    {
        var result = new List<MaterialChoice>();
        for (var i = 0; i < item.Materials.Count; i++)
        {
            var shared = form.Materials.First(m => BundleRules.Key(m.NameZh) == BundleRules.Key(item.Materials[i].NameZh));
            if (choices.FirstOrDefault(c => c.Position == shared.Position) is { } choice)
            {
                result.Add(new MaterialChoice(i, choice.FileId, choice.ByLicence));
            }
        }

        return result;
    }

    private async Task<BundleApplicationEntry> EntryAsync(ServiceBundleApplication filed, CancellationToken cancellationToken)
    {
        var parts = await db.Set<ServiceBundlePart>().AsNoTracking().Where(p => p.BundleApplicationId == filed.Id).OrderBy(p => p.Position)
            .Join(db.Set<ServiceApplication>().AsNoTracking(), p => p.ApplicationId, a => a.Id, (p, a) => a)
            .ToListAsync(cancellationToken);
        var entries = parts.Select(a => new BundlePartEntry(
            a.Id, a.ItemCode, a.ItemNameZh, a.ItemNameEn, a.UnitId, a.State, a.CommittedDue,
            a.State is ApplicationState.Refused or ApplicationState.Rejected ? a.Reason : null,
            a.State is ApplicationState.SupplementRequested && a.Missing is not null ? JsonSerializer.Deserialize<List<string>>(a.Missing, Json) ?? [] : [])).ToList();
        return new BundleApplicationEntry(
            filed.Id, filed.BundleId, filed.BundleCode, filed.NameZh, filed.NameEn, filed.ApplicantId, filed.FiledAt,
            BundleRules.Progress(entries.Select(e => e.State)), entries);
    }
}
