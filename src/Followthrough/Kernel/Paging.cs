namespace Followthrough.Kernel;

/// <summary>One page of a list, with the total so clients can page through.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The page a client asked for, checked: page from 1, page size from 1 to <see cref="MaxPageSize"/>.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public const int DefaultPageSize = 50;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "The page number starts at 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        }

        return new PageRequest(Math.Max(p, 1), Math.Clamp(size, 1, MaxPageSize));
    }
}
