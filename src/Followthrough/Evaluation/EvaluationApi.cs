using System.Globalization;
using Followthrough.Accounts;
using Followthrough.Tasks;
using Followthrough.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Followthrough.Web.Security;

namespace Followthrough.Evaluation;

/// <summary>/api/v1/evaluation: the bulletin (JSON, .csv or .xlsx), quality scores and reward or accountability notes.</summary>
internal static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/evaluation").WithTags("Evaluation").RequireAuthorization();
        group.MapGet("/bulletin", BulletinAsync).WithName("EvaluationBulletin").RequireRateLimiting(RateLimits.FileExports)
            .WithSummary("The bulletin (通报) for a period (2026-07, 2026Q3, 2026 or 2026-07-01..2026-09-30): per lead unit, tasks due, on time, late, overdue, reports, delay, quality score, ranked; ?format=csv|xlsx for a file.");
        group.MapPut("/scores/{unitId:int}", SetScoreAsync).WithName("EvaluationSetScore")
            .WithSummary("Set a unit's quality score (0–100) for a period (supervision office); a change sends the version it is based on.");
        group.MapPost("/notes", AddNoteAsync).WithName("EvaluationAddNote")
            .WithSummary("Record a reward (表扬) or accountability (问责) note against a unit for a period (supervision office).");
        return api;
    }

    private static async Task<Results<Ok<BulletinDto>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> BulletinAsync(
        CurrentUser me, BulletinBuilder builder, IStringLocalizer<EvaluationText> t, string? period, string? format, CancellationToken cancellationToken)
    {
        if (!EvaluationPermissions.CanReadBulletins(me))
        {
            return Problems.Forbidden();
        }

        var errors = new ValidationErrors();
        if (!EvaluationPeriod.TryParse(period, out var parsed, out var error))
        {
            errors.Add("period", error);
        }

        var kind = ListExport.Format(format, errors);

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var bulletin = await builder.BuildAsync(parsed!, cancellationToken);
        if (kind is not null)
        {
            return ListExport.File(BulletinTable.Build(bulletin, t, CultureInfo.CurrentUICulture), kind, parsed!.FileStem);
        }

        return TypedResults.Ok(BulletinDto.Of(bulletin));
    }

    private static async Task<Results<Ok<EvaluationScoreDto>, ValidationProblem, ProblemHttpResult>> SetScoreAsync(
        int unitId, EvaluationScoreInput input, CurrentUser me, EvaluationService evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await evaluation.SetScoreAsync(me, unitId, input.Period, input.Score, input.Comment, input.Version, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.Ok(EvaluationScoreDto.From(outcome.Value!)),
            OutcomeKind.Invalid => Problems.Invalid(outcome.Errors!),
            OutcomeKind.Stale => Problems.Stale(outcome.CurrentVersion ?? 0),
            _ => Problems.Forbidden(outcome.Reason),
        };
    }

    private static async Task<Results<Created<EvaluationNoteDto>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        EvaluationNoteInput input, CurrentUser me, EvaluationService evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await evaluation.AddNoteAsync(me, input.UnitId, input.Period, input.Kind, input.Text, cancellationToken);
        return outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.Created(
                $"/api/v1/evaluation/bulletin?period={Uri.EscapeDataString(outcome.Value!.Period)}", EvaluationNoteDto.From(outcome.Value)),
            OutcomeKind.Invalid => Problems.Invalid(outcome.Errors!),
            _ => Problems.Forbidden(outcome.Reason),
        };
    }
}

internal sealed record EvaluationScoreInput(string? Period, int? Score, string? Comment, int? Version);

internal sealed record EvaluationNoteInput(int? UnitId, string? Period, NoteKind? Kind, string? Text);

internal sealed record EvaluationScoreDto(int Id, int UnitId, string Period, int Score, string Comment, string EnteredBy, int Version)
{
    public static EvaluationScoreDto From(EvaluationScore s) =>
        new(s.Id, s.UnitId, s.Period, s.Score, s.Comment, s.EnteredByName, s.Version);
}

internal sealed record EvaluationNoteDto(long Id, int UnitId, string Period, NoteKind Kind, string Text, string RecordedBy, DateTime RecordedAt)
{
    public static EvaluationNoteDto From(EvaluationNote n) => new(n.Id, n.UnitId, n.Period, n.Kind, n.Text, n.RecordedByName, n.RecordedAt);
}

internal sealed record BulletinUnitDto(
    int? Rank, int UnitId, string UnitCode, string UnitNameZh, string UnitNameEn,
    int Due, int ClosedOnTime, int ClosedLate, int StillOverdue, int AwaitingVerification, int NotYetDue,
    double? OnTimeRate, int ReportsDue, int ReportsOnTime, double? ReportPunctuality, double? AverageDelayWorkingDays,
    int? QualityScore, double? Score);

internal sealed record BulletinDto(
    string Period, DateOnly From, DateOnly To, DateOnly AsOf, string RankingRule,
    IReadOnlyList<BulletinUnitDto> Units, IReadOnlyList<BulletinNote> Notes)
{
    public static BulletinDto Of(Bulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new(b.Period.Key, b.Period.From, b.Period.To, b.AsOf, Evaluation.RankingRule.Description,
            [.. b.Rows.Select(r => new BulletinUnitDto(
                r.Rank, r.UnitId, r.UnitCode, r.UnitNameZh, r.UnitNameEn,
                r.Figures.Due, r.Figures.ClosedOnTime, r.Figures.ClosedLate, r.Figures.StillOverdue, r.Figures.AwaitingVerification,
                r.Figures.NotYetDue, Round(r.Figures.OnTimeRate), r.Figures.ReportsDue, r.Figures.ReportsOnTime,
                Round(r.Figures.ReportPunctuality), Round(r.Figures.AverageDelay), r.QualityScore, r.Score))],
            b.Notes);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
