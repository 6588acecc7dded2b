using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Vivido.Cel.Evaluation;

namespace Vivido.Cel.Functions;

/// <summary>
/// matches(): RE2 patterns run on .NET's non-backtracking engine (linear time, like RE2), with a
/// per-match timeout as a second line of defence. Dynamic patterns are cached, boundedly.
/// </summary>
internal static class RegexFunctions
{
    private const int MaxCachedPatterns = 256;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), CompiledPattern> Cache = new();

    static RegexFunctions()
    {
        // The first match in a process JIT-compiles the non-backtracking engine, which can take longer
        // than a match timeout on a busy machine; do it once, untimed, before any user match runs.
        _ = new Regex("(a|\\u00e9)+b", Options).IsMatch("a\u00e9ab");
    }

    /// <summary>Compiles an RE2 pattern; on failure <see cref="CompiledPattern.Error"/> says why.</summary>
    public static CompiledPattern Compile(string pattern, TimeSpan timeout)
    {
        if (Cache.TryGetValue((pattern, timeout), out var cached))
        {
            return cached;
        }

        var compiled = CompileUncached(pattern, timeout);
        if (Cache.Count < MaxCachedPatterns)
        {
            Cache.TryAdd((pattern, timeout), compiled);
        }

        return compiled;
    }

    /// <summary>matches(text, pattern) and text.matches(pattern).</summary>
    public static CelValue Matches(CelValue text, CelValue pattern, ref EvalState state)
    {
        if (text.Kind != CelKind.String || pattern.Kind != CelKind.String)
        {
            return Errors.NoMatchingOverload("matches", text, pattern);
        }

        var compiled = Compile((string)pattern.RawRef!, state.RegexTimeout);
        return compiled.Regex is null
            ? Errors.Invalid(compiled.Error)
            : Match(compiled.Regex, (string)text.RawRef!, ref state);
    }

    public static CelValue Match(Regex regex, string text, ref EvalState state)
    {
        if (!state.Charge(1 + (text.Length / 16)))
        {
            return state.Abort;
        }

        try
        {
            return CelValue.Bool(regex.IsMatch(text));
        }
        catch (RegexMatchTimeoutException)
        {
            return Errors.RegexTimeout;
        }
    }

    private static CompiledPattern CompileUncached(string pattern, TimeSpan timeout)
    {
        if (!Re2Translator.TryTranslate(pattern, out var translated, out var error))
        {
            return new CompiledPattern(null, $"invalid regular expression: {error}");
        }

        try
        {
            return new CompiledPattern(new Regex(translated, Options, timeout), string.Empty);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return new CompiledPattern(null, $"invalid regular expression: {ex.Message}");
        }
    }
}

/// <summary>A compiled pattern, or the reason it could not be compiled.</summary>
internal sealed record CompiledPattern(Regex? Regex, string Error);

/// <summary>matches() with a constant pattern, compiled once with the program.</summary>
internal sealed class MatchesNode(Node text, Regex regex) : Node
{
    public override CelValue Eval(ref EvalState state)
    {
        var value = text.Eval(ref state);
        return value.Kind switch
        {
            CelKind.String => RegexFunctions.Match(regex, (string)value.RawRef!, ref state),
            CelKind.Error => value,
            _ => Errors.NoMatchingOverload("matches", value),
        };
    }
}
