using Followthrough.Storage;
using Followthrough.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Followthrough.Supervision;

/// <summary>
/// Wakes every few minutes: runs the day's supervision once it has not yet finished for today (Beijing time), and
/// otherwise retries the deliveries still waiting. Every web instance runs one; the database lease lets one work at a
/// time. A failure is logged and tried again on the next wake-up; it never stops the web host.
/// </summary>
internal sealed partial class SupervisionHostedService(
    IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider clock, ILogger<SupervisionHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Actor>().Set(null, SupervisionRun.ActorName);
                var run = scope.ServiceProvider.GetRequiredService<SupervisionRun>();
                var today = clock.Today();
                if (!await run.FinishedForAsync(today, stoppingToken))
                {
                    await run.RunAsync(today, stoppingToken);
                }
                else
                {
                    await run.DeliverPendingAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogFailed(logger, error);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The supervision run failed; it is tried again on the next wake-up.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
