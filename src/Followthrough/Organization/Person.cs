using Followthrough.Storage;

namespace Followthrough.Organization;

/// <summary>A person known to the system: a leader, a member of the supervision office, unit staff, or an outside account.</summary>
internal sealed class Person : IVersioned, ITimestamped
{
    public int Id { get; set; }

    public required string NameZh { get; set; }

    public string NameEn { get; set; } = string.Empty;

    /// <summary>Post or title, e.g. "Vice-mayor" or "Director, Supervision Office".</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The unit the person belongs to; required for unit staff, who act only for this unit.</summary>
    public int? UnitId { get; set; }

    public Role Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string DisplayName(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn;
}
