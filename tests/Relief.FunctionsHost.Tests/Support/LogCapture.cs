using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Relief.FunctionsHost.Tests.Support;

/// <summary>One captured log entry with its structured values.</summary>
internal sealed record LogEntry(string Tag, string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>A logger provider that keeps every entry (with a tag telling which host wrote it).</summary>
internal sealed class LogCapture(string tag = "") : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly LogCapture? _sink;

    private LogCapture(string tag, LogCapture sink) : this(tag) => _sink = sink;

    public IReadOnlyList<LogEntry> Entries => [.. (_sink ?? this)._entries];

    /// <summary>A provider writing into this capture under another tag.</summary>
    public LogCapture Tagged(string newTag) => new(newTag, _sink ?? this);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry) => (_sink ?? this)._entries.Enqueue(entry);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            owner.Add(new LogEntry(owner._tag, category, logLevel, eventId, formatter(state, exception), values));
        }
    }

    private readonly string _tag = tag;
}
