namespace Vivido.Cel.Tests;

public class NameResolutionTests
{
    [Fact]
    public void Evaluate_QualifiedName_PrefersLongestBoundPrefix()
    {
        var activation = new CelActivation()
            .Set("a", Cel.Map(("b", Cel.Map(("c", CelValue.Int(1))))))
            .Set("a.b", Cel.Map(("c", CelValue.Int(2))))
            .Set("a.b.c", CelValue.Int(3));
        Cel.Eval("a.b.c", activation).AsInt().ShouldBe(3);
        Cel.Eval("(a.b).c", activation).AsInt().ShouldBe(2);
        Cel.Eval("(a).b.c", activation).AsInt().ShouldBe(1);
    }

    [Fact]
    public void Evaluate_DottedBindingWithoutRoot_Resolves()
    {
        var activation = new CelActivation().Set("request.auth", Cel.Map(("user", CelValue.String("ann"))));
        Cel.Eval("request.auth.user", activation).AsString().ShouldBe("ann");
    }

    [Fact]
    public void Evaluate_LeadingDot_ResolvesInRootScope()
    {
        var activation = new CelActivation().Set("x", CelValue.Int(5));
        Cel.Eval(".x + 1", activation).AsInt().ShouldBe(6);
        Cel.Eval("[1].map(x, .x)", activation).ShouldBe(Cel.Eval("[5]"));
    }

    [Fact]
    public void Evaluate_UnboundVariable_ReturnsError() =>
        Cel.ErrorOf("missing.field").ShouldBe("undeclared reference to 'missing.field' (in container '')");

    [Theory]
    [InlineData("int", "int")]
    [InlineData("uint", "uint")]
    [InlineData("double", "double")]
    [InlineData("bool", "bool")]
    [InlineData("string", "string")]
    [InlineData("bytes", "bytes")]
    [InlineData("list", "list")]
    [InlineData("map", "map")]
    [InlineData("null_type", "null_type")]
    [InlineData("type", "type")]
    [InlineData("google.protobuf.Timestamp", "google.protobuf.Timestamp")]
    [InlineData("google.protobuf.Duration", "google.protobuf.Duration")]
    [InlineData("type(int)", "type")]
    public void Evaluate_TypeIdentifiers_AreTypeValues(string expression, string typeName) =>
        Cel.Eval(expression).AsTypeName().ShouldBe(typeName);

    [Fact]
    public void Compile_DeclaredVariables_RejectsUndeclaredIdentifier()
    {
        var options = new CelOptions { DeclaredVariables = new HashSet<string> { "image", "now" } };
        var error = Cel.CompileError("image.scan.critical == 0 && imagee.x", options);
        error.Reason.ShouldBe("undeclared reference to 'imagee.x'");
        error.Column.ShouldBe(29);
    }

    [Fact]
    public void Compile_DeclaredVariables_AllowsDeclaredLocalsAndTypes()
    {
        var options = new CelOptions { DeclaredVariables = new HashSet<string> { "image" } };
        var program = CelProgram.Compile("image.tags.all(t, type(t) == string) && type(image) == map", options);
        var activation = new CelActivation().Set("image", Cel.Map(("tags", CelValue.List([CelValue.String("a")]))));
        program.Evaluate(activation).ShouldBe(CelValue.True);
    }

    [Fact]
    public void Compile_DeclaredVariables_RejectsUnknownFunction()
    {
        var options = new CelOptions { DeclaredVariables = new HashSet<string> { "x" } };
        Cel.CompileError("x.frobnicate()", options).Reason.ShouldContain("undeclared function 'frobnicate'");
    }

    [Fact]
    public void Compile_DeclaredVariables_AcceptsDottedDeclaration()
    {
        var options = new CelOptions { DeclaredVariables = new HashSet<string> { "a.b" } };
        var program = CelProgram.Compile("a.b.c", options);
        program.Evaluate(new CelActivation().Set("a.b", Cel.Map(("c", CelValue.Int(9))))).AsInt().ShouldBe(9);
        Cel.CompileError("a.x", options).Reason.ShouldContain("undeclared reference to 'a.x'");
    }

    [Fact]
    public void Evaluate_UnknownFunctionWithoutDeclarations_FailsAtRuntime() =>
        Cel.ErrorOf("frobnicate(1)").ShouldBe("unbound function 'frobnicate'");

    [Fact]
    public void Evaluate_CustomActivation_ResolvesLongestPrefixFirst()
    {
        var activation = new DictionaryActivation(new Dictionary<string, CelValue>
        {
            ["a"] = Cel.Map(("b", CelValue.Int(1))),
            ["a.b"] = CelValue.Int(2),
        });
        CelProgram.Compile("a.b").Evaluate(activation).AsInt().ShouldBe(2);
        CelProgram.Compile("a.c").Evaluate(activation).ErrorMessage.ShouldStartWith("no such key");
    }

    private sealed class DictionaryActivation(Dictionary<string, CelValue> values) : ICelActivation
    {
        public bool TryResolve(string name, out CelValue value) => values.TryGetValue(name, out value);
    }
}
