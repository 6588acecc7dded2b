using Vivido.Core.Engine;
using Vivido.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Vivido.Core.PolicyTests;

/// <summary>Reads a policy test-case file (<c>lifecycle</c>, <c>now</c>, <c>cases</c>), reporting every problem.</summary>
internal sealed class PolicyTestFileParser(DiagnosticBag diagnostics)
{
    public Located? LifecyclePath { get; private set; }

    public List<PolicyTestCase> Parse(YamlNode root)
    {
        var file = MappingReader.Open(root, "the cases file", diagnostics, "lifecycle", "now", "cases");
        if (file is null)
        {
            return [];
        }

        LifecyclePath = file.String("lifecycle", required: false);
        DateTimeOffset? now = file.Optional("now") is { } nowNode ? YamlValues.Timestamp(nowNode, "'now'", diagnostics) : null;
        var cases = file.Required("cases") is { } casesNode ? YamlValues.Sequence(casesNode, "'cases'", diagnostics) : [];
        var result = new List<PolicyTestCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in cases)
        {
            if (ParseCase(item, now) is { } testCase)
            {
                if (!names.Add(testCase.Name))
                {
                    diagnostics.Add(item, $"duplicate case name '{testCase.Name}'");
                }

                result.Add(testCase);
            }
        }

        return result;
    }

    private PolicyTestCase? ParseCase(YamlNode node, DateTimeOffset? fileNow)
    {
        var item = MappingReader.Open(node, "a case", diagnostics,
            "name", "now", "image", "actor", "event", "reason", "params", "repository", "expect");
        if (item is null)
        {
            return null;
        }

        var name = item.String("name", required: true);
        var now = item.Optional("now") is { } nowNode ? YamlValues.Timestamp(nowNode, "'now'", diagnostics) : fileNow;
        if (now is null && item.Optional("now") is null)
        {
            diagnostics.Add(item.Position, "missing 'now': set it for the file or for this case");
        }

        var image = item.Required("image") is { } imageNode ? new TestImageReader(diagnostics, now ?? default).Read(imageNode) : null;
        var eventName = item.String("event", required: true);
        var expect = item.Required("expect") is { } expectNode ? ParseExpect(expectNode) : null;
        var parameters = item.Optional("params") is { } paramsNode
            ? YamlValues.StringMap(paramsNode, "'params'", diagnostics)
            : new Dictionary<string, string>();
        if (name is null || now is null || image is null || eventName is null || expect is null)
        {
            return null;
        }

        var request = new TransitionRequest(eventName.Value, ParseActor(item.Optional("actor")), item.String("reason", required: false)?.Value, parameters);
        return new PolicyTestCase(name.Value, image, request, ParseRepository(item.Optional("repository"), image.Repository), now.Value, expect);
    }

    private Actor ParseActor(YamlNode? node)
    {
        var actor = node is null ? null : MappingReader.Open(node, "'actor'", diagnostics, "name", "roles");
        var roles = actor?.Optional("roles") is { } rolesNode ? YamlValues.Names(rolesNode, "'roles'", diagnostics, allowEmpty: true).Select(r => r.Value).ToList() : [];
        return new Actor(actor?.String("name", required: false)?.Value ?? "tester", roles);
    }

    private RepositoryContext ParseRepository(YamlNode? node, string imageRepository)
    {
        var repository = node is null ? null : MappingReader.Open(node, "'repository'", diagnostics, "name", "active", "deprecated");
        return new RepositoryContext(
            repository?.String("name", required: false)?.Value ?? imageRepository,
            Digests(repository?.Optional("active"), "'active'"),
            Digests(repository?.Optional("deprecated"), "'deprecated'"));
    }

    private List<string> Digests(YamlNode? node, string what) =>
        node is null ? [] : YamlValues.Names(node, what, diagnostics, allowEmpty: true).Select(d => d.Value).ToList();

    private ExpectedOutcome? ParseExpect(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } mapping)
        {
            diagnostics.Add(node, "'expect' needs exactly one of: accepted, rejected, notAllowed");
            return null;
        }

        var expect = MappingReader.Open(mapping, "'expect'", diagnostics, "accepted", "rejected", "notAllowed");
        if (expect?.String("accepted", required: false) is { } state)
        {
            return new ExpectedOutcome(state.Value, null);
        }

        if (expect?.Optional("rejected") is { } rejected)
        {
            var guards = YamlValues.Names(rejected, "'rejected'", diagnostics);
            return guards.Count == 0 ? null : new ExpectedOutcome(null, guards.Select(g => g.Value).ToList());
        }

        if (expect?.Optional("notAllowed") is { } notAllowed && YamlValues.Bool(notAllowed, "'notAllowed'", diagnostics) is { } flag)
        {
            if (flag)
            {
                return ExpectedOutcome.NotAllowedOutcome;
            }

            diagnostics.Add(notAllowed, "'notAllowed' can only be true; expect accepted or rejected instead");
        }

        return null;
    }
}
