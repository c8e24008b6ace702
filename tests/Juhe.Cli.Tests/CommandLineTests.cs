using System.Diagnostics;
using System.Runtime.InteropServices;
using Juhe.Gateway;

namespace Juhe.Cli.Tests;

/// <summary>What a person sees running <c>juhe</c>: its output, its one-line errors, its exit codes.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Chat_with_no_gateway_configured_answers_from_the_offline_gateway_and_says_so_once_on_stderr()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["chat", "你好"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("你好！I am Juhe's offline gateway", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n'), line => line.Contains("built-in offline gateway", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_json_prints_each_raw_event_as_one_JSON_line_ending_with_DONE()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["chat", "hi", "--json"]);

        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, result.ExitCode);
        Assert.All(lines[..^1], line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        Assert.Equal("[DONE]", lines[^1]);
    }

    [Fact]
    public async Task Models_lists_one_model_per_line()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["models"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Out.Split('\n'), line => line.StartsWith("gpt-4o\t", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(JuheGatewayFaults.ErrorWithSuccessStatus)]
    [InlineData(JuheGatewayFaults.HtmlErrorPage)]
    [InlineData(JuheGatewayFaults.ErrorEvent)]
    public async Task A_gateway_error_is_one_line_naming_the_problem_with_exit_code_1_and_no_key(string fault)
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { FailFirstCalls = 100, FailFirstCallsWith = fault });

        JuheProcess.Result result = await JuheProcess.RunAsync(["chat", "hi"], new Dictionary<string, string?>
        {
            ["JUHE_BASE_URL"] = gateway.BaseUrl.ToString(),
            ["JUHE_API_KEY"] = "sk-test-key-not-to-be-shown-0123",
        });

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("juhe: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-key-not-to-be-shown", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_one_line_and_exit_code_1()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["models"], new Dictionary<string, string?>
        {
            ["JUHE_BASE_URL"] = "http://127.0.0.1:9",
            ["JUHE_API_KEY"] = "sk-test-unreachable-0123456789",
        });

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("could not reach the gateway", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-unreachable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_base_url_is_a_usage_error_with_exit_code_2()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["models", "--base-url", "not a url"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base-url", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_reports_throughput_first_token_cpu_and_allocation()
    {
        JuheProcess.Result result = await JuheProcess.RunAsync(["bench", "-n", "2", "--tokens", "200"], timeout: TimeSpan.FromSeconds(90));

        Assert.Equal(0, result.ExitCode);
        foreach (string label in new[] { "tokens/s", "MB/s", "first token", "client CPU", "B per token" })
        {
            Assert.Contains(label, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ctrl_C_stops_a_stream_cleanly_with_exit_code_130()
    {
        await using JuheGateway gateway = await JuheGateway.StartAsync(new JuheGatewayOptions { StreamPacing = TimeSpan.FromMilliseconds(200) });
        using Process juhe = JuheProcess.Start(["chat", "a long answer please"], new Dictionary<string, string?>
        {
            ["JUHE_BASE_URL"] = gateway.BaseUrl.ToString(),
            ["JUHE_API_KEY"] = "sk-test",
        });
        Task<string> error = juhe.StandardError.ReadToEndAsync();
        await juhe.StandardOutput.ReadAsync(new char[1]); // the first token has arrived

        Assert.Equal(0, kill(juhe.Id, 2));
        await juhe.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Assert.Equal(130, juhe.ExitCode);
        Assert.Contains("interrupted", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await error, StringComparison.Ordinal);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
