namespace Followthrough.Ratings.Figures;

/// <summary>What the shared figures table shows: its caption, its rows, and whether they are items (else units).</summary>
internal sealed record RatingTableView(string Caption, IReadOnlyList<RatingFigureRow> Rows, bool ByItem);
