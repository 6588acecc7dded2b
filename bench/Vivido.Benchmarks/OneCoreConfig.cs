using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Vivido.Benchmarks;

/// <summary>One core (the issue asks for evaluations per second on one core), with operations per second and ratios.</summary>
internal sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default.WithId("one-core").WithAffinity(1));
        AddColumn(StatisticColumn.OperationsPerSecond);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
    }
}
