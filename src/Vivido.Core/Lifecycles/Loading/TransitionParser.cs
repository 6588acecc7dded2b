using Vivido.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Reads one transition with its guards and effects.</summary>
internal sealed class TransitionParser(DiagnosticBag diagnostics, GuardCompiler guards)
{
    public const string AnyState = "*";

    public TransitionSyntax? Parse(YamlNode node)
    {
        var what = node is YamlMappingNode mapping && mapping.Children.TryGetValue("event", out var e) && e is YamlScalarNode { Value.Length: > 0 } name
            ? $"transition '{name.Value}'"
            : "a transition";
        var transition = MappingReader.Open(node, what, diagnostics, "event", "from", "to", "description", "guards", "effects");
        if (transition is null)
        {
            return null;
        }

        var eventName = transition.String("event", required: true);
        if (eventName is not null)
        {
            LifecycleParser.CheckName(eventName, "event", diagnostics);
        }

        var from = transition.Required("from") is { } fromNode ? YamlValues.Names(fromNode, "'from'", diagnostics) : [];
        var to = transition.Required("to") is { } toNode ? YamlValues.Names(toNode, "'to'", diagnostics) : [];
        foreach (var target in to.Where(t => t.Value == AnyState))
        {
            diagnostics.Add(target.Position, "'*' is only allowed in 'from'");
        }

        return new TransitionSyntax(
            eventName,
            from,
            to.Where(t => t.Value != AnyState).DistinctBy(t => t.Value).ToList(),
            transition.String("description", required: false)?.Value,
            ParseGuards(transition.Optional("guards"), what),
            ParseEffects(transition.Optional("effects")));
    }

    private List<GuardSyntax> ParseGuards(YamlNode? node, string transition)
    {
        var result = new List<GuardSyntax>();
        foreach (var item in node is null ? [] : YamlValues.Sequence(node, "'guards'", diagnostics))
        {
            var guard = MappingReader.Open(item, "a guard", diagnostics, "name", "expr", "message");
            if (guard is null)
            {
                continue;
            }

            var name = guard.String("name", required: true);
            var exprNode = guard.Required("expr");
            var expr = exprNode is null ? null : YamlValues.String(exprNode, "'expr'", diagnostics);
            var message = guard.String("message", required: true);
            if (name is not null && result.Exists(g => g.Name.Value == name.Value))
            {
                diagnostics.Add(name.Position, $"duplicate guard '{name.Value}' in {transition}");
            }

            if (name is not null && expr is not null && message is not null)
            {
                var program = guards.Compile((YamlScalarNode)exprNode!, name.Value);
                result.Add(new GuardSyntax(name, expr.Value, message.Value, program));
            }
        }

        return result;
    }

    private List<EffectSyntax> ParseEffects(YamlNode? node)
    {
        var result = new List<EffectSyntax>();
        foreach (var item in node is null ? [] : YamlValues.Sequence(node, "'effects'", diagnostics))
        {
            if (item is not YamlMappingNode { Children.Count: 1 } mapping)
            {
                diagnostics.Add(item, "an effect must be a mapping with one key: supersede or notify");
                continue;
            }

            var (key, value) = mapping.Children.First();
            var kind = (key as YamlScalarNode)?.Value;
            switch (kind)
            {
                case "supersede":
                    if (MappingReader.Open(value, "the supersede effect", diagnostics, "event")?.String("event", required: true) is { } eventName)
                    {
                        result.Add(new EffectSyntax(new SupersedeEffect(eventName.Value), eventName));
                    }

                    break;
                case "notify":
                    if (MappingReader.Open(value, "the notify effect", diagnostics, "topic")?.String("topic", required: true) is { } topic)
                    {
                        result.Add(new EffectSyntax(new NotifyEffect(topic.Value), null));
                    }

                    break;
                default:
                    diagnostics.Add(key, $"unknown effect '{kind}' (expected supersede or notify)");
                    break;
            }
        }

        return result;
    }
}
