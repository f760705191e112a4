using System.Globalization;

namespace Followthrough.Organization.Pages;

/// <summary>A unit in a pick list: its code and its name in the reader's language.</summary>
internal sealed record UnitOption(int Id, string Code, string Name)
{
    /// <summary>Active units in code order, plus <paramref name="keepId"/> (the current choice) even if inactive.</summary>
    public static async Task<IReadOnlyList<UnitOption>> ListAsync(UnitService units, int? keepId = null, int? leaveOutId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        var culture = CultureInfo.CurrentUICulture;
        return [.. (await units.AllAsync(cancellationToken))
            .Where(u => (u.IsActive || u.Id == keepId) && u.Id != leaveOutId)
            .Select(u => new UnitOption(u.Id, u.Code, u.DisplayName(culture)))];
    }
}
