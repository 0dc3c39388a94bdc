namespace Relief.FunctionsHost.ConformanceApp.Queues;

/// <summary>A message bound as a POCO.</summary>
public sealed record Order(string OrderId, int Quantity);

/// <summary>What a queue function saw, written to its output queue for the test to read.</summary>
public sealed record Received(string Function, string Text, string? MessageId, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset? NextVisibleOn, string? PopReceipt);
