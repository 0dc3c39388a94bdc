using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Relief.BankSimulator;

// Usage: dotnet run --project tools/Relief.BankSimulator -- [--connection <storage connection string>]
//            [--reject <account>=<reason code>]... [--once]
// Answers Relief's bank files every 2 seconds (or once); connection defaults to UseDevelopmentStorage=true (Azurite).
string connection = "UseDevelopmentStorage=true";
var options = new BankSimulatorOptions();
bool once = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--connection" when i + 1 < args.Length:
            connection = args[++i];
            break;
        case "--reject" when i + 1 < args.Length && args[i + 1].Split('=') is [var account, var code]:
            options.Rejections[account] = code;
            i++;
            break;
        case "--once":
            once = true;
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: [--connection <cs>] [--reject <account>=<code>]... [--once]");
            return 2;
    }
}

var simulator = new BankSimulator(new BlobServiceClient(connection), new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }), options, TimeProvider.System);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
do
{
    foreach (string report in await simulator.RunOnceAsync(stop.Token)) Console.WriteLine($"answered: {report}");
    if (!once) await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}
while (!once && !stop.IsCancellationRequested);
return 0;
