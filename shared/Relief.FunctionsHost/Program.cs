using Relief.FunctionsHost;

// The local Functions host: `dotnet Relief.FunctionsHost.dll --script-root <built app folder> [--port 7071]`.
return await LocalFunctionsHost.RunAsync(args);
