using Juhe.Gateway;

// `dotnet run --project src/Juhe.Gateway -- --urls http://127.0.0.1:5080`: without --urls the OS
// picks a loopback port. The address is printed once the gateway listens.
await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { EnableConsoleLogging = false }, args, CancellationToken.None);
Console.WriteLine($"Juhe offline gateway listening on {gateway.BaseUrl}");
Console.WriteLine($"  {JuheGateway.Operations.Count} operations from the schemas; any non-empty key is accepted (e.g. {gateway.ApiKey}).");
Console.WriteLine($"  /api routes: Authorization: {gateway.SystemAccessToken}, New-Api-User: {gateway.UserId}. Ctrl+C stops it.");
await gateway.WaitForShutdownAsync();
