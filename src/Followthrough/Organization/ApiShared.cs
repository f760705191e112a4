using System.Text.Json;
using Followthrough.Audit;
using Followthrough.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Followthrough.Organization;

/// <summary>One step in a record's history as the API returns it; before and after hold the changed columns.</summary>
internal sealed record HistoryEntryDto(
    long Sequence,
    DateTime OccurredAt,
    string ActorName,
    string Action,
    string? Comment,
    JsonElement? Before,
    JsonElement? After)
{
    public static HistoryEntryDto From(AuditHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new HistoryEntryDto(entry.Sequence, entry.OccurredAt, entry.ActorName, entry.Action, entry.Comment, Parse(entry.BeforeJson), Parse(entry.AfterJson));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}

/// <summary>The body of deactivate and reactivate: the version (unless sent as If-Match) and an optional reason.</summary>
internal sealed record StateChangeRequest(int? Version, string? Comment);

/// <summary>Turning the services' answers into the API's.</summary>
internal static class ApiShared
{
    public const int MaxCommentLength = 1000;

    public static ProblemHttpResult ToProblem(Refusal refusal) => refusal.Kind switch
    {
        OutcomeKind.NotFound => Problems.NotFound(refusal.Reason ?? string.Empty),
        OutcomeKind.Stale => Problems.Stale(refusal.CurrentVersion ?? 0),
        _ => Problems.Conflict(refusal.Reason ?? string.Empty),
    };

    /// <summary>A page of a history list (histories are short, so they are paged in memory).</summary>
    public static Paged<HistoryEntryDto> Page(IReadOnlyList<AuditHistoryEntry> entries, PageRequest page) =>
        new([.. entries.Skip(page.Skip).Take(page.PageSize).Select(HistoryEntryDto.From)], page.Page, page.PageSize, entries.Count);

    /// <summary>"true"/"false" (any case) or nothing; anything else is a field error.</summary>
    public static bool? ParseFlag(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(field, $"{field} is true or false.");
        return null;
    }

    public static string? CheckComment(string? comment, ValidationErrors errors)
    {
        if (comment is { Length: > MaxCommentLength })
        {
            errors.Add("comment", $"The comment must be at most {MaxCommentLength} characters.");
        }

        return comment;
    }
}
