namespace Vivido.Cel.Tests;

/// <summary>Simple guards over a prebuilt activation must not allocate: they run on every transition.</summary>
public class AllocationTests
{
    private static readonly CelActivation Activation = new CelActivation()
        .Set("image", Cel.Map(
            ("state", CelValue.String("Staged")),
            ("scan", Cel.Map(("critical", CelValue.Int(0)), ("score", CelValue.Double(9.5)))),
            ("tags", CelValue.List([CelValue.String("v1"), CelValue.String("latest")]))))
        .Set("now", CelValue.Timestamp(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("image.scan.critical == 0")]
    [InlineData("image.scan.critical == 0 && image.scan.score >= 9.0")]
    [InlineData("image.state in ['Staged', 'Active'] || image.scan.critical > 3")]
    [InlineData("has(image.scan) && !(image.scan.score < 7.5) ? true : false")]
    [InlineData("size(image.tags) == 2 && image.tags[1] == 'latest' && image.state.startsWith('St')")]
    [InlineData("image.scan.critical + 1 - 1 == 0 && now > timestamp('2024-01-01T00:00:00Z')")]
    public void Evaluate_SimpleGuard_AllocatesNothing(string expression)
    {
        var program = CelProgram.Compile(expression);
        program.Evaluate(Activation).ShouldBe(CelValue.True);
        WarmUp(program);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var allTrue = true;
        for (var i = 0; i < 1_000; i++)
        {
            allTrue &= program.Evaluate(Activation).Equals(CelValue.True);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allTrue.ShouldBeTrue();
        allocated.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_DeclaredGuard_AllocatesNothing()
    {
        var options = new CelOptions { DeclaredVariables = new HashSet<string> { "image", "now" } };
        var program = CelProgram.Compile("image.scan.critical == 0 && image.scan.score >= 9.0", options);
        program.Evaluate(Activation).ShouldBe(CelValue.True);
        WarmUp(program);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            program.Evaluate(Activation);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    /// <summary>
    /// Runs long enough for tiered compilation to settle: its call-counting stubs allocate on the
    /// calling thread when methods are promoted, which is the JIT's doing, not the evaluator's.
    /// </summary>
    private static void WarmUp(CelProgram program)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 2_000 || stopwatch.ElapsedMilliseconds < 300; i++)
        {
            program.Evaluate(Activation);
        }
    }
}
