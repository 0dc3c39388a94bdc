namespace Relief.Functions.Diagnostics;

/// <summary>A diagnostic message that travels HTTP → <c>ping</c> queue → <c>pong</c> queue.</summary>
/// <param name="Text">Any text (not logged).</param>
public sealed record PingMessage(string Text);
