namespace Followthrough.Kernel;

/// <summary>One page of a list, with the total so clients can page through.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// The page a client asked for, checked: page from 1 to <see cref="MaxPage"/>, page size from 1 to
/// <see cref="MaxPageSize"/>. The rows to skip never overflow: a huge page number is refused (API) or shows an empty
/// page (pages), never wraps round to the first one.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public const int DefaultPageSize = 50;

    /// <summary>The highest page number: beyond it, (page - 1) × the largest page size would not fit the row offset.</summary>
    public const int MaxPage = (int.MaxValue / MaxPageSize) + 1;

    public int Skip => SkipFor(Page, PageSize);

    /// <summary>Rows before the page, computed without overflow: at least 0, at most <see cref="int.MaxValue"/>.</summary>
    public static int SkipFor(int page, int pageSize) =>
        (int)Math.Clamp(((long)Math.Max(page, 1) - 1) * Math.Max(pageSize, 0), 0, int.MaxValue);

    public static PageRequest From(int? page, int? pageSize, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "The page number starts at 1.");
        }
        else if (p > MaxPage)
        {
            errors.Add("page", $"The page number must be at most {MaxPage}.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        }

        return new PageRequest(Math.Clamp(p, 1, MaxPage), Math.Clamp(size, 1, MaxPageSize));
    }
}
