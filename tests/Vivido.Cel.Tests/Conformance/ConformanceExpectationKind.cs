namespace Vivido.Cel.Tests.Conformance;

/// <summary>What a conformance test's result matcher asks for.</summary>
internal enum ConformanceExpectationKind
{
    /// <summary>A value (<c>value</c>, <c>typed_result.result</c>, or the implicit <c>true</c>).</summary>
    Value,

    /// <summary>Any evaluation error (<c>eval_error</c>, <c>any_eval_errors</c>); messages are not compared.</summary>
    Error,

    /// <summary>An unknown set (<c>unknown</c>, <c>any_unknowns</c>).</summary>
    Unknown,

    /// <summary>Only the checker's result matters (<c>check_only</c>, <c>typed_result</c> without a result).</summary>
    CheckOnly,
}
