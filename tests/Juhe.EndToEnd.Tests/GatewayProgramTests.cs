using System.Diagnostics;
using System.Net;

namespace Juhe.EndToEnd.Tests;

/// <summary>The gateway as a program (<c>dotnet run --project src/Juhe.Gateway</c>): it prints the address it listens on.</summary>
public sealed class GatewayProgramTests
{
    [Fact]
    public async Task Without_urls_the_program_listens_on_a_port_the_OS_picks_and_prints_it()
    {
        Uri address = await RunAndReadAddressAsync([], async baseUrl =>
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "/v1/models"));
            request.Headers.Authorization = new("Bearer", "sk-program");
            using HttpResponseMessage response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
    }

    [Fact]
    public async Task The_urls_switch_sets_the_address()
    {
        int port = FreePort();

        Uri address = await RunAndReadAddressAsync(["--urls", $"http://127.0.0.1:{port}"], _ => Task.CompletedTask);

        Assert.Equal(port, address.Port);
    }

    private static async Task<Uri> RunAndReadAddressAsync(string[] args, Func<Uri, Task> whileRunning)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Juhe.Gateway.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.True(line is not null, "The gateway exited without printing its address.");
            const string Prefix = "Juhe offline gateway listening on ";
            Assert.StartsWith(Prefix, line, StringComparison.Ordinal);
            var address = new Uri(line[Prefix.Length..]);
            await whileRunning(address);
            return address;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
