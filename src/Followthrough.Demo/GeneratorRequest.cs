namespace Followthrough.Demo;

/// <summary>What to generate. <see cref="Reports"/> null means ten per task.</summary>
public sealed record GeneratorRequest(int Tasks, long? Reports = null, int Units = 500, DateOnly? Today = null, int Seed = 20210421)
{
    public const int MaxTasks = 20_000_000;
    public const long MaxReports = 500_000_000;
    public const int MaxUnits = 100_000;

    /// <summary>The problems with the request, in sentences naming the option; empty when it can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tasks is < 1 or > MaxTasks)
        {
            problems.Add($"--tasks must be a whole number from 1 to {MaxTasks:N0} (got {Tasks}).");
        }

        if (Reports is < 0 or > MaxReports)
        {
            problems.Add($"--reports must be a whole number from 0 to {MaxReports:N0} (got {Reports}).");
        }

        if (Units is < 1 or > MaxUnits)
        {
            problems.Add($"--units must be a whole number from 1 to {MaxUnits:N0} (got {Units}).");
        }

        return problems;
    }
}

/// <summary>What was written.</summary>
public sealed record GeneratorResult(int UnitsCreated, int Tasks, long TimeNodes, long Partners, long Reports, int FirstTaskId, int LastTaskId, TimeSpan Elapsed);
