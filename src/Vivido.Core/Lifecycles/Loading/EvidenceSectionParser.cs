using Vivido.Core.Yaml;
using Vivido.Evidence;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>
/// Reads the lifecycle's <c>evidence</c> section:
/// <c>{ on_critical: EVENT, rescan: { after: 7d, states: [Active, Deprecated] }, score: { weights: { critical: 10, … } } }</c>.
/// </summary>
internal sealed class EvidenceSectionParser(DiagnosticBag diagnostics)
{
    public EvidenceSyntax? Parse(YamlNode node)
    {
        var section = MappingReader.Open(node, "evidence", diagnostics, "on_critical", "rescan", "score");
        if (section is null)
        {
            return null;
        }

        var onCritical = section.String("on_critical", required: false);
        var (after, states) = section.Optional("rescan") is { } rescan ? ParseRescan(rescan) : (null, null);
        var weights = section.Optional("score") is { } score ? ParseScore(score) : ScoreWeights.Default;
        return new EvidenceSyntax(onCritical, after, states, weights);
    }

    private (TimeSpan? After, IReadOnlyList<Located>? States) ParseRescan(YamlNode node)
    {
        var rescan = MappingReader.Open(node, "evidence.rescan", diagnostics, "after", "states");
        if (rescan is null)
        {
            return (null, null);
        }

        TimeSpan? after = null;
        if (rescan.String("after", required: true) is { } text)
        {
            if (DurationParser.TryParse(text.Value, out var duration) && duration > TimeSpan.Zero)
            {
                after = duration;
            }
            else
            {
                diagnostics.Add(text.Position, $"bad duration '{text.Value}' (expected e.g. 7d, 12h or 1d12h)");
            }
        }

        var states = rescan.Optional("states") is { } statesNode ? YamlValues.Names(statesNode, "'evidence.rescan.states'", diagnostics) : null;
        return (after, states);
    }

    private ScoreWeights ParseScore(YamlNode node)
    {
        var weightsNode = MappingReader.Open(node, "evidence.score", diagnostics, "weights")?.Optional("weights");
        var weights = weightsNode is null
            ? null
            : MappingReader.Open(weightsNode, "evidence.score.weights", diagnostics, "critical", "high", "medium", "low", "unknown");
        if (weights is null)
        {
            return ScoreWeights.Default;
        }

        var defaults = ScoreWeights.Default;
        return new ScoreWeights(
            Weight(weights, "critical") ?? defaults.Critical,
            Weight(weights, "high") ?? defaults.High,
            Weight(weights, "medium") ?? defaults.Medium,
            Weight(weights, "low") ?? defaults.Low,
            Weight(weights, "unknown") ?? defaults.Unknown);
    }

    private double? Weight(MappingReader weights, string key)
    {
        if (weights.Optional(key) is not { } node || YamlValues.Double(node, $"'evidence.score.weights.{key}'", diagnostics) is not { } value)
        {
            return null;
        }

        if (value < 0 || !double.IsFinite(value))
        {
            diagnostics.Add(node, $"'evidence.score.weights.{key}' must be a number >= 0");
            return null;
        }

        return value;
    }
}
