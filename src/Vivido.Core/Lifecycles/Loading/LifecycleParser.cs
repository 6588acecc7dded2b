using Vivido.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.Lifecycles.Loading;

/// <summary>Reads the structure of a lifecycle file (keys, types, required fields, durations) into <see cref="LifecycleSyntax"/>.</summary>
internal sealed class LifecycleParser(DiagnosticBag diagnostics, GuardCompiler guards)
{
    public const string ApiVersion = "vivido.dev/v1";
    public const string Kind = "Lifecycle";

    public LifecycleSyntax? Parse(YamlNode root)
    {
        var file = MappingReader.Open(root, "the lifecycle file", diagnostics,
            "apiVersion", "kind", "metadata", "states", "transitions", "timers", "admission", "retention", "overrides", "on_tag_move", "evidence");
        if (file is null)
        {
            return null;
        }

        CheckHeader(file);
        var metadata = file.Required("metadata") is { } metadataNode
            ? MappingReader.Open(metadataNode, "metadata", diagnostics, "name", "description")
            : null;
        var statesNode = file.Required("states");
        var transitions = new TransitionParser(diagnostics, guards);
        return new LifecycleSyntax(
            metadata?.String("name", required: true)?.Value ?? "",
            metadata?.String("description", required: false)?.Value,
            statesNode is null ? file.Position : SourcePosition.Of(statesNode),
            Items(statesNode, "states").Select(ParseState).OfType<StateSyntax>().ToList(),
            Items(file.Required("transitions"), "transitions").Select(transitions.Parse).OfType<TransitionSyntax>().ToList(),
            Items(file.Optional("timers"), "timers").Select(ParseTimer).OfType<TimerSyntax>().ToList(),
            Items(file.Optional("admission"), "admission").Select(ParseAdmission).OfType<AdmissionSyntax>().ToList(),
            ParseRetention(file.Optional("retention")),
            ParseOverrides(file.Optional("overrides")))
        {
            OnTagMove = Items(file.Optional("on_tag_move"), "on_tag_move").Select(ParseTagMoveHook).OfType<TagMoveHookSyntax>().ToList(),
            Evidence = file.Optional("evidence") is { } evidence ? new EvidenceSectionParser(diagnostics).Parse(evidence) : null,
        };
    }

    private void CheckHeader(MappingReader file)
    {
        if (file.String("apiVersion", required: true) is { } version && version.Value != ApiVersion)
        {
            diagnostics.Add(version.Position, $"unsupported apiVersion '{version.Value}' (expected {ApiVersion})");
        }

        if (file.String("kind", required: true) is { } kind && kind.Value != Kind)
        {
            diagnostics.Add(kind.Position, $"unsupported kind '{kind.Value}' (expected {Kind})");
        }
    }

    private IReadOnlyList<YamlNode> Items(YamlNode? node, string what) =>
        node is null ? [] : YamlValues.Sequence(node, $"'{what}'", diagnostics);

    private StateSyntax? ParseState(YamlNode node)
    {
        var state = MappingReader.Open(node, "a state", diagnostics, "name", "initial", "terminal", "exclusive", "entry", "description");
        if (state?.String("name", required: true) is not { } name)
        {
            return null;
        }

        CheckName(name, "state");
        return new StateSyntax(
            name,
            TruePosition(state, "initial"),
            state.Bool("terminal"),
            state.String("entry", required: false)?.Value,
            state.String("description", required: false)?.Value,
            TruePosition(state, "exclusive"));
    }

    /// <summary>Where a flag is set to true (validation reports there), or null when it is absent or false.</summary>
    private SourcePosition? TruePosition(MappingReader mapping, string key) =>
        mapping.Optional(key) is { } node && YamlValues.Bool(node, $"'{key}'", diagnostics) == true ? SourcePosition.Of(node) : null;

    private TimerSyntax? ParseTimer(YamlNode node)
    {
        var timer = MappingReader.Open(node, "a timer", diagnostics, "state", "after", "event");
        if (timer is null)
        {
            return null;
        }

        var state = timer.String("state", required: true);
        var after = timer.String("after", required: true);
        var eventName = timer.String("event", required: true);
        TimeSpan duration = default;
        if (after is not null && !DurationParser.TryParse(after.Value, out duration))
        {
            diagnostics.Add(after.Position, $"bad duration '{after.Value}' (expected e.g. 30d, 12h, 90m, 45s or 1d12h)");
            return null;
        }

        return state is null || after is null || eventName is null ? null : new TimerSyntax(state, duration, eventName);
    }

    private TagMoveHookSyntax? ParseTagMoveHook(YamlNode node)
    {
        var hook = MappingReader.Open(node, "an on_tag_move hook", diagnostics, "tags", "event");
        if (hook is null)
        {
            return null;
        }

        var tags = hook.String("tags", required: true);
        var eventName = hook.String("event", required: true);
        return tags is null || eventName is null ? null : new TagMoveHookSyntax(tags, eventName);
    }

    private AdmissionSyntax? ParseAdmission(YamlNode node)
    {
        var rule = MappingReader.Open(node, "an admission rule", diagnostics, "namespaces", "allow");
        if (rule is null)
        {
            return null;
        }

        var namespaces = rule.String("namespaces", required: true);
        var allow = rule.Required("allow") is { } allowNode ? YamlValues.Names(allowNode, "'allow'", diagnostics) : [];
        return namespaces is null ? null : new AdmissionSyntax(namespaces.Value, allow);
    }

    private RetentionPolicy ParseRetention(YamlNode? node)
    {
        var keep = node is null
            ? null
            : MappingReader.Open(node, "retention", diagnostics, "keepRollbackCandidates")?.Optional("keepRollbackCandidates");
        return keep is not null && YamlValues.Int(keep, "'keepRollbackCandidates'", 0, diagnostics) is { } count
            ? new RetentionPolicy(checked((int)Math.Min(count, int.MaxValue)))
            : RetentionPolicy.Default;
    }

    private OverridePolicy ParseOverrides(YamlNode? node)
    {
        var confirmations = node is null
            ? null
            : MappingReader.Open(node, "overrides", diagnostics, "confirmations")?.Optional("confirmations");
        if (confirmations is null)
        {
            return OverridePolicy.Default;
        }

        var count = YamlValues.Int(confirmations, "'confirmations'", 1, diagnostics);
        if (count > 2)
        {
            diagnostics.Add(confirmations, "'confirmations' must be 1 or 2");
            return OverridePolicy.Default;
        }

        return count is { } value ? new OverridePolicy((int)value) : OverridePolicy.Default;
    }

    /// <summary>Names are stable identifiers stored in databases and URLs.</summary>
    internal static void CheckName(Located name, string what, DiagnosticBag diagnostics)
    {
        var text = name.Value;
        var valid = char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        if (!valid)
        {
            diagnostics.Add(name.Position, $"invalid {what} name '{text}' (use letters, digits, '_', '-' or '.', starting with a letter)");
        }
    }

    private void CheckName(Located name, string what) => CheckName(name, what, diagnostics);
}
