using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Relief.Functions.Workflows;

/// <summary>
/// Logs every failure of an activity with its error (type, message and stack) before the durable framework retries it
/// or fails the orchestration — a failing activity is never silent. Exception messages in Relief name ids and fields,
/// never a name, phone or ID number. Other functions pass through.
/// </summary>
public sealed partial class ActivityFailureLogging(ILogger<ActivityFailureLogging> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>True for a function bound to an activity trigger.</summary>
    public static bool IsActivity(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, "activityTrigger", StringComparison.OrdinalIgnoreCase));
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsActivity(context) && Log(context, ex))
        {
            throw; // never reached: the filter logs and declines
        }
    }

    private bool Log(FunctionContext context, Exception ex)
    {
        ActivityFailed(logger, ex, context.FunctionDefinition.Name, context.InvocationId, ex.GetType().Name, ex.Message);
        return false;
    }

    [LoggerMessage(401, LogLevel.Error, "Activity {Activity} failed (invocation {InvocationId}): {ErrorType}: {Error}")]
    private static partial void ActivityFailed(ILogger logger, Exception exception, string activity, string invocationId, string errorType, string error);
}
