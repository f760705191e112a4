using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Services.Catalogue;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;

namespace Followthrough.Services.Materials;

/// <summary>A file of an applicant's, as they (and the staff handling an application that uses it) see it.</summary>
public sealed record MaterialFileEntry(int Id, int ApplicantId, string Name, string ContentType, long Size, string Sha256, DateTime UploadedAt);

/// <summary>How one required material (by its place in the item's list) is given: one of the applicant's files, or left to the electronic licence.</summary>
public sealed record MaterialChoice(int? Position, int? FileId, bool? ByLicence);

/// <summary>A required material of an application as given.</summary>
public sealed record ApplicationMaterialEntry(int Position, string NameZh, string NameEn, MaterialFileEntry? File, bool ByLicence);

/// <summary>
/// Materials (材料) uploaded once and reused: an applicant's files (checked by content, stored in the data folder by
/// their SHA-256, listed as "my files"), and filing an application with each required material of the item's current
/// version given as one of those files or, where the item allows, left to the electronic licence. A missing material,
/// a file that is not the applicant's, or a licence where none may stand in is an error on that material, and nothing
/// is filed; the application and its materials are written in one save (one transaction).
/// </summary>
internal sealed class ApplicantMaterials(
    FollowthroughDb db, MaterialStore store, ServiceCatalogue catalogue, ServiceApplications applications, OrganizationDirectory directory)
{
    public const string MaterialRequired = "This material is required: upload a file or choose one of the applicant's files.";
    public const string NoLicence = "This material cannot be left to an electronic licence: give a file.";
    public const string NotTheApplicantsFile = "The chosen file is not one of the applicant's files.";
    public const string NoSuchMaterial = "Each material must name one of the service's materials, once.";
    public const string NotForYou = "Enterprises and citizens upload their own files; the item's unit's staff upload for an applicant at the window.";

    /// <summary>Checks and keeps an uploaded file for the applicant (the caller, or the person named by window staff).</summary>
    public async Task<Outcome<MaterialFileEntry>> UploadAsync(CurrentUser me, int? applicantId, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(content);
        var owner = ServicesPermissions.CanApply(me) ? me.PersonId : applicantId;
        if (owner is null || (!ServicesPermissions.CanApply(me) && me.Role is not Role.UnitStaff))
        {
            return Outcome.Forbidden<MaterialFileEntry>(NotForYou);
        }

        var errors = new ValidationErrors();
        if (!ServicesPermissions.CanApply(me) && await directory.PersonAsync(owner.Value, cancellationToken) is not { IsActive: true, Role: Role.Enterprise or Role.Citizen })
        {
            errors.Add("applicantId", ApplicationRules.ApplicantUnknown);
            return Outcome.Invalid<MaterialFileEntry>(errors);
        }

        var (contentType, problem) = MaterialCheck.Check(fileName, content);
        if (problem is not null)
        {
            errors.Add("file", problem);
            return Outcome.Invalid<MaterialFileEntry>(errors);
        }

        var sha = ChecksummedFiles.Checksum(content);
        var created = await store.SaveAsync(sha, content, cancellationToken);
        var file = new MaterialFile
        {
            ApplicantId = owner.Value,
            Name = Path.GetFileName(fileName!).Trim(),
            ContentType = contentType!,
            Size = content.LongLength,
            Sha256 = sha,
            UploadedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.Set<MaterialFile>().Add(file);
        db.DescribeNextSave("material-uploaded", file.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            if (created && !await db.Set<MaterialFile>().AsNoTracking().AnyAsync(f => f.Sha256 == sha, CancellationToken.None))
            {
                store.Forget(sha); // nothing half-written: no row, so no file
            }

            throw;
        }

        return Outcome.Done(ToEntry(file));
    }

    /// <summary>The applicant's own files, newest first: what "my files" offers to reuse.</summary>
    public async Task<IReadOnlyList<MaterialFileEntry>> MineAsync(CurrentUser me, CancellationToken cancellationToken = default) =>
        me?.PersonId is not { } person
            ? []
            : [.. (await db.Set<MaterialFile>().AsNoTracking().Where(f => f.ApplicantId == person).OrderByDescending(f => f.Id).Take(500).ToListAsync(cancellationToken)).Select(ToEntry)];

    /// <summary>A file's content for its owner, or for staff of a unit handling an application it was given with; not found for anyone else.</summary>
    public async Task<Outcome<(MaterialFileEntry File, byte[] Content)>> DownloadAsync(CurrentUser me, int fileId, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<MaterialFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null || !(me.PersonId == file.ApplicantId || await HandledByAsync(me, fileId, cancellationToken)))
        {
            return Outcome.NotFound<(MaterialFileEntry, byte[])>("The file");
        }

        return await store.ReadAsync(file.Sha256, cancellationToken) is { } content
            ? Outcome.Done((ToEntry(file), content))
            : Outcome.NotFound<(MaterialFileEntry, byte[])>("The file (missing from storage or failing its checksum)");
    }

    /// <summary>Files an application (as <see cref="ServiceApplications.FileAsync(CurrentUser, ApplicationInput, CancellationToken)"/>) with its required materials, in one transaction.</summary>
    public async Task<Outcome<ServiceApplicationEntry>> FileAsync(
        CurrentUser me, ApplicationInput input, IReadOnlyList<MaterialChoice>? choices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(input);
        var item = input.ItemId is { } itemId ? await catalogue.GetAsync(itemId, cancellationToken) : null;
        if (item is null)
        {
            return await applications.FileAsync(me, input, cancellationToken); // its own answer for a missing or unknown item
        }

        var applicantId = ServicesPermissions.CanApply(me) ? me.PersonId : input.ApplicantId;
        var errors = new ValidationErrors();
        var given = await CheckAsync(item.Materials, choices ?? [], applicantId, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid<ServiceApplicationEntry>(errors);
        }

        // one save: the application, its steps, the rules' decision and the materials in one transaction, which holds
        // the database's write lock only while writing (issue 15: a transaction opened first held it over every read)
        return await applications.FileAsync(me, input, application =>
        {
            foreach (var m in given)
            {
                m.Application = application;
                db.Set<ApplicationMaterial>().Add(m);
            }
        }, item, cancellationToken); // the item read once for the whole filing
    }

    /// <summary>What <see cref="FileAsync"/> checks, without writing anything: every error of the application and of its materials.</summary>
    internal async Task<ValidationErrors?> CheckFilingAsync(
        CurrentUser me, ApplicationInput input, IReadOnlyList<MaterialChoice>? choices, CancellationToken cancellationToken = default)
    {
        var item = input.ItemId is { } itemId ? await catalogue.GetAsync(itemId, cancellationToken) : null;
        var filing = await applications.CheckFilingAsync(me, input, item, cancellationToken);
        var errors = new ValidationErrors();
        foreach (var (field, messages) in filing.Errors?.ToDictionary() ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        if (!filing.IsDone && filing.Errors is null)
        {
            errors.Add("itemId", filing.Reason ?? ApplicationRules.ItemUnknown);
        }

        if (item is not null)
        {
            var applicantId = ServicesPermissions.CanApply(me) ? me.PersonId : input.ApplicantId;
            await CheckAsync(item.Materials, choices ?? [], applicantId, errors, cancellationToken);
        }

        return errors.IsEmpty ? null : errors;
    }

    /// <summary>The materials an application was filed with, for whoever may see the application.</summary>
    public async Task<Outcome<IReadOnlyList<ApplicationMaterialEntry>>> OfApplicationAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        var application = await applications.GetAsync(me, applicationId, cancellationToken);
        if (!application.IsDone)
        {
            return application.As<IReadOnlyList<ApplicationMaterialEntry>>();
        }

        var rows = await db.Set<ApplicationMaterial>().AsNoTracking().Where(m => m.ApplicationId == applicationId).OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var ids = rows.Where(r => r.FileId is not null).Select(r => r.FileId!.Value).ToList();
        var files = await db.Set<MaterialFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        return Outcome.Done<IReadOnlyList<ApplicationMaterialEntry>>(
            [.. rows.Select(r => new ApplicationMaterialEntry(r.Position, r.NameZh, r.NameEn, r.FileId is { } id && files.TryGetValue(id, out var f) ? ToEntry(f) : null, r.ByLicence))]);
    }

    private async Task<List<ApplicationMaterial>> CheckAsync(
        IReadOnlyList<ServiceMaterial> materials, IReadOnlyList<MaterialChoice> choices, int? applicantId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (choices.Any(c => c.Position is not { } p || p < 0 || p >= materials.Count) || choices.GroupBy(c => c.Position).Any(g => g.Count() > 1))
        {
            errors.Add("materials", NoSuchMaterial);
            return [];
        }

        var fileIds = choices.Where(c => c.FileId is not null).Select(c => c.FileId!.Value).ToList();
        var owned = applicantId is { } owner
            ? (await db.Set<MaterialFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.ApplicantId == owner).Select(f => f.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var given = new List<ApplicationMaterial>();
        for (var i = 0; i < materials.Count; i++)
        {
            var material = materials[i];
            var choice = choices.FirstOrDefault(c => c.Position == i);
            var field = $"materials[{i}]";
            if (choice?.FileId is { } fileId)
            {
                if (!owned.Contains(fileId))
                {
                    errors.Add(field, NotTheApplicantsFile);
                }
            }
            else if (choice?.ByLicence is true)
            {
                if (!material.ElectronicLicence)
                {
                    errors.Add(field, NoLicence);
                }
            }
            else
            {
                errors.Add(field, MaterialRequired);
            }

            given.Add(new ApplicationMaterial
            {
                Position = i, NameZh = material.NameZh, NameEn = material.NameEn, FileId = choice?.FileId, ByLicence = choice?.FileId is null && choice?.ByLicence is true,
            });
        }

        return given;
    }

    private async Task<bool> HandledByAsync(CurrentUser me, int fileId, CancellationToken cancellationToken)
    {
        if (me?.Role is not Role.UnitStaff || me.UnitId is not { } unit)
        {
            return false;
        }

        var applicationIds = db.Set<ApplicationMaterial>().Where(m => m.FileId == fileId).Select(m => m.ApplicationId);
        return await db.Set<ServiceApplication>().AnyAsync(a => applicationIds.Contains(a.Id) && a.UnitId == unit, cancellationToken);
    }

    private static MaterialFileEntry ToEntry(MaterialFile f) => new(f.Id, f.ApplicantId, f.Name, f.ContentType, f.Size, f.Sha256, f.UploadedAt);
}
