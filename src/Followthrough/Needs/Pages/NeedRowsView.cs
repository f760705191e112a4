using Followthrough.Organization;

namespace Followthrough.Needs.Pages;

/// <summary>What the table of needs shows: the rows, the units they name, its caption and whether to name the enterprise.</summary>
internal sealed record NeedRowsView(IReadOnlyList<NeedRow> Rows, IReadOnlyDictionary<int, UnitEntry> Units, string Caption, bool ShowEnterprise);
