using Followthrough.Organization;
using Followthrough.Services.Applications;
using Followthrough.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Services.Delivery;

/// <summary>A decision document as its readers see it (without the file).</summary>
public sealed record DecisionDocumentEntry(int ApplicationId, string DocumentNumber, string VerificationCode, string Sha256, bool Approved, DateOnly DecidedOn, DateTime IssuedAt);

/// <summary>The PDF to send, named for the person who saves it.</summary>
public sealed record DecisionFile(string FileName, byte[] Content, DecisionDocumentEntry Document);

/// <summary>What the public verification says of a genuine code: never the document itself, and the applicant only masked.</summary>
public sealed record DecisionVerification(
    string DocumentNumber, string ItemCode, string ItemNameZh, string ItemNameEn, bool Approved, DateOnly DecidedOn,
    string UnitNameZh, string UnitNameEn, string ApplicantMasked, string Sha256);

/// <summary>
/// No-meeting delivery (不见面): the decision document of a decided application, printed once as a PDF with a
/// verification code and stored with its hash; the applicant and the unit's staff download it, and the applicant's first
/// download is the delivery (送达), recorded as the application's <see cref="ApplicationStep.Delivered"/> step by the
/// rule of <see cref="ApplicationRules.Steps"/>. Anyone may check a code. To anyone else an application's document does not exist.
/// </summary>
internal sealed partial class DecisionDocuments(
    FollowthroughDb db, OrganizationDirectory directory, IOptions<ServicesOptions> options, ILogger<DecisionDocuments> logger)
{
    public const string NoFont =
        "The decision document cannot be printed: no Chinese TrueType font was found. Install fonts-droid-fallback, or set Followthrough:Services:DecisionFont to a .ttf file with Chinese glyphs.";

    private static readonly ApplicationState[] Decided = [.. ApplicationRules.Steps[ApplicationStep.Delivered].From];

    /// <summary>Who may download a decision document: its applicant and the staff of the unit that decided it.</summary>
    public static bool CanDownload(CurrentUser me, int applicantId, int unitId) =>
        (me?.PersonId is { } person && person == applicantId) || ServicesPermissions.CanHandleApplications(me!, unitId);

    /// <summary>The document of an application the caller may download, issuing it on first need; null when there is no decision yet.</summary>
    public async Task<Outcome<DecisionDocumentEntry?>> ForApplicationAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        var application = await db.Set<ServiceApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null || !CanDownload(me, application.ApplicantId, application.UnitId))
        {
            return Outcome.NotFound<DecisionDocumentEntry?>("The application");
        }

        var document = await FindOrIssueAsync(application, cancellationToken);
        return document.Kind == OutcomeKind.Done || document.Kind == OutcomeKind.NotFound
            ? new Outcome<DecisionDocumentEntry?>(OutcomeKind.Done, document.Value is { } d ? ToEntry(d) : null)
            : Outcome.NotNow<DecisionDocumentEntry?>(document.Reason!);
    }

    /// <summary>The PDF; the applicant's download of an undelivered decision delivers it (the Delivered step, audited).</summary>
    public async Task<Outcome<DecisionFile>> DownloadAsync(CurrentUser me, int applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(me);
        var application = await db.Set<ServiceApplication>().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null || !CanDownload(me, application.ApplicantId, application.UnitId))
        {
            return Outcome.NotFound<DecisionFile>("The application");
        }

        var found = await FindOrIssueAsync(application, cancellationToken);
        if (found.Value is not { } document)
        {
            return found.Kind == OutcomeKind.NotFound ? Outcome.NotFound<DecisionFile>("The decision document") : Outcome.NotNow<DecisionFile>(found.Reason!);
        }

        if (me.PersonId == application.ApplicantId && Decided.Contains(application.State))
        {
            await DeliverAsync(application, me, cancellationToken);
        }

        return Outcome.Done(new DecisionFile($"decision-{string.Concat(document.DocumentNumber.Where(char.IsAsciiLetterOrDigit))}.pdf", document.Content, ToEntry(document)));
    }

    /// <summary>What a code says: null when no document carries it (or it cannot be a code).</summary>
    public async Task<DecisionVerification?> VerifyAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (VerificationCodes.Normalize(code) is not { } normalized)
        {
            return null;
        }

        var d = await db.Set<DecisionDocument>().AsNoTracking().Where(x => x.VerificationCode == normalized)
            .Select(x => new { x.DocumentNumber, x.ItemCode, x.ItemNameZh, x.ItemNameEn, x.Approved, x.DecidedOn, x.UnitNameZh, x.UnitNameEn, x.ApplicantName, x.Sha256 })
            .SingleOrDefaultAsync(cancellationToken);
        return d is null ? null : new DecisionVerification(
            d.DocumentNumber, d.ItemCode, d.ItemNameZh, d.ItemNameEn, d.Approved, d.DecidedOn, d.UnitNameZh, d.UnitNameEn, VerificationCodes.Mask(d.ApplicantName), d.Sha256);
    }

    private async Task DeliverAsync(ServiceApplication application, CurrentUser me, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        application.State = ApplicationRules.Steps[ApplicationStep.Delivered].To;
        application.DeliveredAt = now;
        db.Set<ServiceApplicationStep>().Add(new ServiceApplicationStep
        {
            ApplicationId = application.Id,
            Step = ApplicationStep.Delivered,
            State = application.State,
            Note = "downloaded by the applicant",
            TakenAt = now,
            TakenById = me.PersonId,
            TakenBy = me.Name,
        });
        db.DescribeNextSave("delivered", "downloaded by the applicant");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // delivered by someone else a moment earlier: the download still stands
        }
    }

    /// <summary>The stored document, or a new one for a decided application; NotFound without a decision, NotNow without a font.</summary>
    private async Task<Outcome<DecisionDocument>> FindOrIssueAsync(ServiceApplication application, CancellationToken cancellationToken)
    {
        if (await db.Set<DecisionDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.ApplicationId == application.Id, cancellationToken) is { } stored)
        {
            return Outcome.Done(stored);
        }

        var decision = await db.Set<ServiceApplicationStep>().AsNoTracking()
            .Where(s => s.ApplicationId == application.Id && (s.Step == ApplicationStep.Approved || s.Step == ApplicationStep.Rejected))
            .OrderByDescending(s => s.Id).Select(s => (ApplicationStep?)s.Step).FirstOrDefaultAsync(cancellationToken);
        if (decision is null || application.DecidedAt is not { } decidedAt)
        {
            return Outcome.NotFound<DecisionDocument>("The decision document");
        }

        if (DecisionFont.Locate(options.Value.DecisionFont) is not { } font)
        {
            LogNoFont(logger, options.Value.DecisionFont ?? string.Join(", ", DecisionFont.DebianDefaults));
            return Outcome.NotNow<DecisionDocument>(NoFont);
        }

        var document = await PrintAsync(application, decision == ApplicationStep.Approved, decidedAt, font, cancellationToken);
        db.Set<DecisionDocument>().Add(document);
        db.DescribeNextSave("decision-issued", document.DocumentNumber);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(document).State = EntityState.Detached;
            return Outcome.Done(document);
        }
        catch (DbUpdateException)
        {
            // issued by a request a moment earlier (the unique index on the application): that one is the document
            db.Entry(document).State = EntityState.Detached;
            return Outcome.Done(await db.Set<DecisionDocument>().AsNoTracking().SingleAsync(d => d.ApplicationId == application.Id, cancellationToken));
        }
    }

    private async Task<DecisionDocument> PrintAsync(ServiceApplication a, bool approved, DateTime decidedAt, string font, CancellationToken cancellationToken)
    {
        var unit = await directory.UnitAsync(a.UnitId, cancellationToken);
        var applicant = await directory.PersonAsync(a.ApplicantId, cancellationToken);
        var decidedOn = DateOnly.FromDateTime(ChinaClock.Local(decidedAt));
        var number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit?.Code ?? "DL"}许〔{decidedOn.Year}〕{a.Id:D5}号");
        var code = VerificationCodes.New();
        var address = (options.Value.PublicAddress?.TrimEnd('/') ?? string.Empty) + "/services/verify";
        var content = DecisionPdf.Render(
            new DecisionContent(number, unit?.NameZh ?? string.Empty, applicant?.NameZh ?? string.Empty, a.ItemCode, a.ItemNameZh, a.ItemNameEn,
                DateOnly.FromDateTime(ChinaClock.Local(a.ReceivedAt)), decidedOn, approved, a.Reason, code, address),
            font);
        return new DecisionDocument
        {
            ApplicationId = a.Id,
            DocumentNumber = number,
            VerificationCode = code,
            Sha256 = ChecksummedFiles.Checksum(content),
            Content = content,
            Approved = approved,
            ItemCode = a.ItemCode,
            ItemNameZh = a.ItemNameZh,
            ItemNameEn = a.ItemNameEn,
            UnitNameZh = unit?.NameZh ?? string.Empty,
            UnitNameEn = unit?.NameEn ?? string.Empty,
            ApplicantName = applicant?.NameZh ?? string.Empty,
            DecidedOn = decidedOn,
            IssuedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
    }

    private static DecisionDocumentEntry ToEntry(DecisionDocument d) =>
        new(d.ApplicationId, d.DocumentNumber, d.VerificationCode, d.Sha256, d.Approved, d.DecidedOn, d.IssuedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "No Chinese TrueType font for decision documents; looked at {Paths}")]
    private static partial void LogNoFont(ILogger logger, string paths);
}
