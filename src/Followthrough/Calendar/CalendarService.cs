using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Followthrough.Calendar;

/// <summary>
/// The working-day calendar for the rest of the product. Ask it for a region's <see cref="WorkingCalendar"/> and
/// count on that: <c>(await calendars.GetAsync(region)).AddWorkingDays(assignedOn, 20)</c>.
/// <para>
/// It keeps one immutable <see cref="CalendarSnapshot"/> built from the embedded dataset and the database's imports
/// and regional days, and rebuilds it when the database's calendar revision changes. Every calendar write bumps
/// <c>calendar_revision</c> in its own transaction. This instance rebuilds at the next read after its own writes;
/// other web instances on the same PostgreSQL read the revision (one tiny query) at most once per
/// <see cref="RecheckInterval"/>, so they follow within seconds without a query per call. Between checks a read is
/// just a reference to the current snapshot; when a check is due, one caller makes it while callers arriving at that
/// moment wait for it (milliseconds), and nobody ever sees a half-built calendar.
/// </para>
/// </summary>
public sealed partial class CalendarService : IDisposable
{
    /// <summary>How stale another instance's change may be here at most.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory? _scopes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CalendarSnapshot _snapshot = CalendarSnapshot.Embedded;
    private volatile string? _lastProblem;

    // Environment.TickCount64 of the next revision check: elapsed real time, not business time, so not TimeProvider.
    private long _checkDue = long.MinValue;
    private int _backgroundRefresh;

    // Changed() during a check must not be lost when that check ends: it counts, and the check only postpones the
    // next one when nothing changed meanwhile (both under this lock).
    private readonly Lock _gate = new();
    private long _changes;

    public CalendarService(IServiceScopeFactory scopes, ILogger<CalendarService> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    private CalendarService(CalendarSnapshot snapshot)
    {
        _snapshot = snapshot;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _checkDue = long.MaxValue;
    }

    /// <summary>Why the stored schedules could not be read at the last attempt (the embedded dataset answered); null when they were.</summary>
    public string? LastProblem => _lastProblem;

    /// <summary>A service that answers from a fixed snapshot and never reads a database (a command line without a database, tests).</summary>
    public static CalendarService FromSnapshot(CalendarSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new CalendarService(snapshot);
    }

    /// <summary>The snapshot as last loaded, without waiting; a refresh starts in the background when one is due.</summary>
    public CalendarSnapshot Latest
    {
        get
        {
            if (IsDue && Interlocked.CompareExchange(ref _backgroundRefresh, 1, 0) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await SnapshotAsync(CancellationToken.None);
                    }
                    finally
                    {
                        Volatile.Write(ref _backgroundRefresh, 0);
                    }
                });
            }

            return _snapshot;
        }
    }

    /// <summary>The interval this instance uses; tests shorten it to play a second web instance.</summary>
    internal TimeSpan RecheckAfter { get; init; } = RecheckInterval;

    private bool IsDue => Environment.TickCount64 >= Interlocked.Read(ref _checkDue);

    /// <summary>The calendar of a region (null: national), current to within <see cref="RecheckInterval"/>.</summary>
    /// <exception cref="ArgumentException">The region code is malformed (see <see cref="CalendarRegions"/>).</exception>
    public async ValueTask<WorkingCalendar> GetAsync(string? region = null, CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).For(region);

    /// <summary>The current snapshot, re-reading the database when its revision may have changed.</summary>
    public async ValueTask<CalendarSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        if (!IsDue)
        {
            return _snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsDue)
            {
                long changes;
                lock (_gate)
                {
                    changes = _changes;
                }

                await ReloadIfChangedAsync(cancellationToken);
                lock (_gate)
                {
                    if (changes == _changes)
                    {
                        Interlocked.Exchange(ref _checkDue, Environment.TickCount64 + (long)RecheckAfter.TotalMilliseconds);
                    }
                }
            }
        }
        finally
        {
            _refresh.Release();
        }

        return _snapshot;
    }

    /// <summary>Called after this instance changed the calendar: the next read rebuilds.</summary>
    public void Changed()
    {
        if (_scopes is null)
        {
            return;
        }

        lock (_gate)
        {
            _changes++;
            Interlocked.Exchange(ref _checkDue, long.MinValue);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task ReloadIfChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes!.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<CalendarStore>();
            // The revision is read before the data: a write landing in between is picked up at the next check.
            var revision = await store.RevisionAsync(cancellationToken);
            if (revision != _snapshot.Revision)
            {
                _snapshot = CalendarSnapshot.Build(await store.LoadAsync(cancellationToken), revision);
                LogRebuilt(_logger, revision);
            }

            _lastProblem = null;
        }
        catch (Exception error) when (error is DbException || error.InnerException is DbException)
        {
            // (Npgsql's execution strategy wraps a refused connection in InvalidOperationException.)
            // No database yet, or one without the calendar tables: the embedded dataset still answers correctly
            // for every year it covers. Try again at the next interval.
            var problem = (error as DbException ?? error.InnerException)!.Message;
            _lastProblem = problem;
            LogDatabaseUnavailable(_logger, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working-day calendar rebuilt at revision {Revision}")]
    private static partial void LogRebuilt(ILogger logger, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The calendar's stored schedules could not be read; using the embedded dataset: {Problem}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string problem);
}
