using Followthrough.Accounts;
using Followthrough.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Followthrough.Plans.Pages;

/// <summary>What the record and correct forms share: the indicator, field errors, and reading the number and the file.</summary>
internal abstract class ValueForm(FollowthroughDb db, IStringLocalizer<PlansText> text, CurrentUser user) : PlanPage(user)
{
    public Indicator Indicator { get; protected set; } = null!;

    public Plan Plan { get; protected set; } = null!;

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A problem that belongs to no single field (someone else got there first).</summary>
    public string? Problem { get; protected set; }

    protected FollowthroughDb Db => db;

    protected IStringLocalizer<PlansText> Text => text;

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    protected async Task<bool> LoadIndicatorAsync(int indicatorId, CancellationToken cancellationToken)
    {
        var indicator = await db.Set<Indicator>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return false;
        }

        Indicator = indicator;
        Plan = await db.Set<Plan>().AsNoTracking().SingleAsync(p => p.Id == indicator.PlanId, cancellationToken);
        return true;
    }

    /// <summary>The number typed, or null with a field error (the form keeps what was typed).</summary>
    protected decimal? ReadValue()
    {
        if (string.IsNullOrWhiteSpace(Value))
        {
            Errors["value"] = text["Enter the value."];
            return null;
        }

        if (!PlanChecks.TryReadNumber(Value, out var number))
        {
            Errors["value"] = text["Enter a number, such as 3.15 or 1231 (no units, no thousands separators)."];
            return null;
        }

        return number;
    }

    protected async Task<EvidenceUpload?> ReadEvidenceAsync(CancellationToken cancellationToken)
    {
        if (Evidence is not { Length: > 0 } file)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        return await IndicatorEvidenceStore.ReadAsync(stream, file.FileName, cancellationToken);
    }

    /// <summary>
    /// Puts the service's findings beside the fields they concern, in the reader's language. (The service words its
    /// messages in English for the API; the form says the same thing per field.)
    /// </summary>
    protected void Show<T>(Outcome<T> result, string conflictMessage)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors is not { } errors)
        {
            Problem = result.Kind == OutcomeKind.Conflict ? conflictMessage : text["The value could not be saved."];
            return;
        }

        foreach (var field in errors.ToDictionary().Keys)
        {
            Errors[field == "evidenceId" ? "evidence" : field] = field switch
            {
                "period" => text["Choose a period of the plan that has begun, is after the baseline year and has no value yet."],
                "value" => text["Enter a number, such as 3.15 or 1231 (no units, no thousands separators)."],
                "note" => string.IsNullOrWhiteSpace(Note) ? text["Say why the value is corrected."] : text["The note is too long (at most 2,000 characters)."],
                _ => text["The evidence must be a PDF, PNG, JPEG, Word or Excel file of at most 3 MB, whose name matches its content."],
            };
        }
    }
}
