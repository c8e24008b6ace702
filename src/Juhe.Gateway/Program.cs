using Juhe.Gateway;

// `dotnet run --project src/Juhe.Gateway -- [--urls http://127.0.0.1:5080] [--schemas <folder>]`:
// without --urls the OS picks a loopback port; --schemas serves the *.json schema files of a folder
// beside the embedded ones. The address is printed once the gateway listens.
(Dictionary<string, string> schemas, string[] hostArgs) = CommandLine.TakeSchemas(args);
await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { AdditionalSchemas = schemas }, hostArgs, CancellationToken.None);
Console.WriteLine($"Juhe offline gateway listening on {gateway.BaseUrl}");
Console.WriteLine($"  {JuheGateway.Operations.Count} operations from the embedded schemas, plus {schemas.Count} schema file(s) of yours; any non-empty key is accepted (e.g. {gateway.ApiKey}).");
Console.WriteLine($"  /api routes: Authorization: {gateway.SystemAccessToken}, New-Api-User: {gateway.UserId}. Faults: X-Juhe-Fault header (see README). Ctrl+C stops it.");
await gateway.WaitForShutdownAsync();
