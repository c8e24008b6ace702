using System.Diagnostics;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace Juhe.Benchmarks.Loopback;

/// <summary>
/// CPU time of the benchmark process (the client alone: the gateway runs in a process of its own)
/// during the measured runs, per operation. Read by the host from the process's counters around the
/// actual run, so it costs the benchmark nothing.
/// </summary>
public sealed class ClientCpuDiagnoser : IDiagnoser
{
    private TimeSpan _before;
    private TimeSpan _spent;

    public IEnumerable<string> Ids => ["ClientCpu"];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        Process process = parameters.Process;
        if (signal == HostSignal.BeforeActualRun)
        {
            process.Refresh();
            _before = process.TotalProcessorTime;
        }
        else if (signal == HostSignal.AfterActualRun)
        {
            process.Refresh();
            _spent = process.TotalProcessorTime - _before;
        }
    }

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        long operations = Math.Max(1, results.TotalOperations);
        yield return new Metric(CpuPerOperation.Instance, _spent.TotalMilliseconds * 1_000 / operations);
    }

    public void DisplayResults(ILogger logger)
    {
    }

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private sealed class CpuPerOperation : IMetricDescriptor
    {
        public static readonly CpuPerOperation Instance = new();

        public string Id => "ClientCpu";

        public string DisplayName => "Client CPU";

        public string Legend => "CPU time of the client process per operation (the gateway runs in another process)";

        public string NumberFormat => "N1";

        public UnitType UnitType => UnitType.Dimensionless;

        public string Unit => "μs";

        public bool TheGreaterTheBetter => false;

        public int PriorityInCategory => 0;

        public bool GetIsAvailable(Metric metric) => true;
    }
}
