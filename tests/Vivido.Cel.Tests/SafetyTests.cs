using System.Diagnostics;

namespace Vivido.Cel.Tests;

/// <summary>Hostile expressions must end quickly with an error value or a compile error, never hang or crash.</summary>
public class SafetyTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, [1,2,3,4,5,6,7,8,9,10].all(g, true)))))))")]
    [InlineData("[0,1].all(a, [0,1].all(b, [0,1].all(c, [0,1].all(d, [0,1].all(e, [0,1].all(f, [0,1].all(g, [0,1].all(h, [0,1].all(i, [0,1].all(j, [0,1].all(k, [0,1].all(l, [0,1].all(m, [0,1].all(n, [0,1].all(o, [0,1].all(p, [0,1].all(q, [0,1].all(r, [0,1].all(s, [0,1].all(t, [0,1].all(u, 1 / 0 == 1)))))))))))))))))))))")]
    [InlineData("[0,1].exists(a, [0,1].exists(b, [0,1].exists(c, [0,1].exists(d, [0,1].exists(e, [0,1].exists(f, [0,1].exists(g, [0,1].exists(h, [0,1].exists(i, [0,1].exists(j, [0,1].exists(k, [0,1].exists(l, [0,1].exists(m, [0,1].exists(n, [0,1].exists(o, [0,1].exists(p, [0,1].exists(q, [0,1].exists(r, [0,1].exists(s, [0,1].exists(t, [0,1].exists(u, false))))))))))))))))))))) || true")]
    public void Evaluate_ExplodingComprehensions_HitCostLimit(string expression) =>
        RunQuickly(expression).ErrorMessage.ShouldBe("cost limit exceeded");

    [Fact]
    public void Evaluate_StringDoubling_HitsResultSizeLimit()
    {
        var expression = "['ab']" + string.Concat(Enumerable.Repeat(".map(s, s + s)", 40));
        RunQuickly(expression).ErrorMessage.ShouldBe("result size limit exceeded");
    }

    [Fact]
    public void Evaluate_ListDoubling_HitsResultSizeLimit()
    {
        var expression = "[[1, 2]]" + string.Concat(Enumerable.Repeat(".map(l, l + l)", 40));
        RunQuickly(expression).ErrorMessage.ShouldBe("result size limit exceeded");
    }

    [Fact]
    public void Evaluate_LargeMapOutput_HitsResultSizeLimit()
    {
        var options = new CelOptions { MaxResultSize = 1000 };
        var activation = new CelActivation().Set("xs", CelValue.List(Enumerable.Range(0, 2000).Select(i => CelValue.Int(i)).ToArray()));
        var result = CelProgram.Compile("xs.map(x, x * 2)", options).Evaluate(activation);
        result.ErrorMessage.ShouldBe("result size limit exceeded");
    }

    [Fact]
    public void Evaluate_CostLimitError_IsNotAbsorbedByLogic()
    {
        var options = new CelOptions { MaxEvaluationCost = 100 };
        var activation = new CelActivation().Set("xs", CelValue.List(Enumerable.Range(0, 1000).Select(i => CelValue.Int(i)).ToArray()));
        var program = CelProgram.Compile("xs.exists(x, x < 0) || true", options);
        program.Evaluate(activation).ErrorMessage.ShouldBe("cost limit exceeded");
        CelProgram.Compile("xs.all(x, x >= 0)").Evaluate(activation).ShouldBe(CelValue.True);
    }

    [Fact]
    public void Evaluate_ErrorMessagesInLoops_StayShort()
    {
        var activation = new CelActivation().Set("s", CelValue.String(new string('k', 1_000_000)));
        var result = RunQuickly("[1,2,3].map(i, {}[s])", activation);
        result.ErrorMessage.Length.ShouldBeLessThan(100);
    }

    [Fact]
    public void Evaluate_HugeRepeatPattern_FailsQuickly()
    {
        var stopwatch = Stopwatch.StartNew();
        Should.Throw<CelCompileException>(() => CelProgram.Compile("'a'.matches('((a{1000}){1000}){1000}')"));
        var activation = new CelActivation().Set("p", CelValue.String("((a{1000}){1000}){1000}"));
        var result = CelProgram.Compile("'a'.matches(p)").Evaluate(activation);
        (result.IsError || !result.AsBool()).ShouldBeTrue();
        stopwatch.Elapsed.ShouldBeLessThan(Quick);
    }

    [Fact]
    public void Evaluate_DeeplyNestedHostValue_ReturnsErrorInsteadOfCrashing()
    {
        static CelValue Nest(int depth)
        {
            var value = CelValue.List([]);
            for (var i = 0; i < depth; i++)
            {
                value = CelValue.List([value]);
            }

            return value;
        }

        var activation = new CelActivation().Set("a", Nest(1_000_000)).Set("b", Nest(1_000_000));
        RunQuickly("a == b", activation).ErrorMessage.ShouldContain("nesting is too deep");
    }

    [Fact]
    public void Compile_HostileInputs_OnlyThrowCompileExceptions()
    {
        var random = new Random(99);
        const string alphabet = "()[]{}.,:?!-+*/%<>=&|'\"\\ab01xu_ \n";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(1, 60)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            var source = new string(chars);
            try
            {
                CelProgram.Compile(source).Evaluate(new CelActivation());
            }
            catch (CelCompileException ex)
            {
                ex.Line.ShouldBeGreaterThan(0);
                ex.Column.ShouldBeGreaterThan(0);
            }
        }
    }

    private static CelValue RunQuickly(string expression, CelActivation? activation = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = CelProgram.Compile(expression).Evaluate(activation ?? new CelActivation());
        stopwatch.Elapsed.ShouldBeLessThan(Quick);
        result.IsError.ShouldBeTrue($"expected an error, got {result}");
        return result;
    }
}
