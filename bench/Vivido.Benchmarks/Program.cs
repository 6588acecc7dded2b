using BenchmarkDotNet.Running;
using Vivido.Benchmarks.Common;
using Vivido.Benchmarks.Reads;
using Vivido.Benchmarks.Transitions;

// Micro-benchmarks (BenchmarkDotNet): dotnet run -c Release --project bench/Vivido.Benchmarks -- --filter '*'
// HTTP figures against ceilings measured in the same run (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Vivido.Benchmarks -- transitions [--seconds 20] [--clients 16]
//   dotnet run -c Release --project bench/Vivido.Benchmarks -- reads [--images 1000000] [--history 5000000]
//   dotnet run -c Release --project bench/Vivido.Benchmarks -- admission [--seconds 10] [--clients 16] [--rate 1000]
try
{
    return args.FirstOrDefault() switch
    {
        "transitions" => await TransitionsBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
        "reads" => await ReadsBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
        "pg-transitions" => await Vivido.Benchmarks.Postgres.PgTransitionsBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
        "admission" => await Vivido.Benchmarks.Admission.AdmissionBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
        "import" => await Vivido.Benchmarks.Import.ImportBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
        _ => RunSwitcher(args),
    };
}
catch (BenchUsageException ex)
{
    await Console.Error.WriteLineAsync("vivido-bench: " + ex.Message).ConfigureAwait(false);
    return 2;
}

static int RunSwitcher(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
