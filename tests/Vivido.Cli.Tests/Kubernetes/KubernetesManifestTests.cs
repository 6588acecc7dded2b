using System.Text.RegularExpressions;
using static Vivido.Cli.Tests.Kubernetes.KubernetesManifests;

namespace Vivido.Cli.Tests.Kubernetes;

public sealed partial class KubernetesManifestTests
{
    private static readonly HashSet<(string ApiVersion, string Kind)> KnownKinds =
    [
        ("v1", "Namespace"),
        ("v1", "Service"),
        ("apps/v1", "Deployment"),
        ("policy/v1", "PodDisruptionBudget"),
        ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
        ("kustomize.config.k8s.io/v1beta1", "Kustomization"),
    ];

    private static readonly string[] WorkloadKinds =
        ["/pods", "apps/deployments", "apps/statefulsets", "apps/daemonsets", "apps/replicasets", "batch/jobs", "batch/cronjobs"];

    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    [Fact]
    public void Manifests_EveryDocument_HasAKnownKindAndApiVersion()
    {
        _manifests.Documents.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var (file, document) in _manifests.Documents)
        {
            KnownKinds.ShouldContain((Text(document, "apiVersion"), Text(document, "kind")), file);
        }
    }

    [Fact]
    public void Kustomization_Resources_ListEveryOtherFile()
    {
        var resources = Texts(_manifests.Single("Kustomization"), "resources").Order(StringComparer.Ordinal);

        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        resources.ShouldBe(files);
    }

    [Theory]
    [InlineData("ValidatingWebhookConfiguration", "/admission/validate")]
    [InlineData("MutatingWebhookConfiguration", "/admission/mutate")]
    public void Webhook_ClientConfig_CallsTheAdmissionPathThroughTheService(string kind, string path)
    {
        var service = _manifests.Single("Service");
        var webhook = List(_manifests.Single(kind), "webhooks").ShouldHaveSingleItem();

        Text(webhook, "clientConfig", "service", "path").ShouldBe(path);
        Text(webhook, "clientConfig", "service", "name").ShouldBe(Text(service, "metadata", "name"));
        Text(webhook, "clientConfig", "service", "namespace").ShouldBe(Text(service, "metadata", "namespace"));
        Text(webhook, "clientConfig", "service", "port").ShouldBe(Text(List(service, "spec", "ports").ShouldHaveSingleItem(), "port"));
        Text(webhook, "clientConfig", "caBundle").ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("ValidatingWebhookConfiguration")]
    [InlineData("MutatingWebhookConfiguration")]
    public void Webhook_Rules_CoverTheSevenWorkloadKindsOnCreateAndUpdate(string kind)
    {
        var webhook = List(_manifests.Single(kind), "webhooks").ShouldHaveSingleItem();

        var covered = List(webhook, "rules").SelectMany(rule =>
        {
            Texts(rule, "operations").ShouldBe(["CREATE", "UPDATE"], ignoreOrder: true);
            Texts(rule, "apiVersions").ShouldBe(["v1"]);
            return Texts(rule, "apiGroups").SelectMany(group => Texts(rule, "resources").Select(resource => group + "/" + resource));
        });

        covered.ShouldBe(WorkloadKinds, ignoreOrder: true);
    }

    [Theory]
    [InlineData("ValidatingWebhookConfiguration")]
    [InlineData("MutatingWebhookConfiguration")]
    public void Webhook_FailurePolicyAndTimeout_AreTheDocumentedChoice(string kind)
    {
        var webhook = List(_manifests.Single(kind), "webhooks").ShouldHaveSingleItem();
        var docs = File.ReadAllText(Vivido.Testing.TestPaths.InRepo("docs", "kubernetes.md"));

        Text(webhook, "failurePolicy").ShouldBe("Fail");
        Text(webhook, "timeoutSeconds").ShouldBe("5");
        docs.ShouldContain("`failurePolicy: Fail`");
        docs.ShouldContain("`timeoutSeconds: 5`");
        Text(webhook, "sideEffects").ShouldBe("NoneOnDryRun");
        Texts(webhook, "admissionReviewVersions").ShouldBe(["v1", "v1beta1"]);
    }

    [Theory]
    [InlineData("ValidatingWebhookConfiguration")]
    [InlineData("MutatingWebhookConfiguration")]
    public void Webhook_NamespaceSelector_ExcludesKubeSystemAndVividosOwnNamespace(string kind)
    {
        var webhook = List(_manifests.Single(kind), "webhooks").ShouldHaveSingleItem();
        var own = Text(_manifests.Single("Namespace"), "metadata", "name");

        var exclusion = List(webhook, "namespaceSelector", "matchExpressions").ShouldHaveSingleItem();

        Text(exclusion, "key").ShouldBe("kubernetes.io/metadata.name");
        Text(exclusion, "operator").ShouldBe("NotIn");
        Texts(exclusion, "values").ShouldBe(["kube-system", own], ignoreOrder: true);
        Text(_manifests.Single("Deployment"), "metadata", "namespace").ShouldBe(own);
    }

    [Fact]
    public async Task Deployment_ContainerArgs_UseOnlyRealServeFlags()
    {
        var help = await ClientRun.RunAsync("serve", "--help");
        help.ExitCode.ShouldBe(0, help.Error);
        var flags = FlagPattern().Matches(help.Output).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var container = List(_manifests.Single("Deployment"), "spec", "template", "spec", "containers").ShouldHaveSingleItem();

        var args = Texts(container, "args").ToList();

        flags.ShouldContain("--tls-cert");
        args[0].ShouldBe("serve");
        foreach (var flag in args.Where(a => a.StartsWith('-')))
        {
            flags.ShouldContain(flag, $"vivido serve has no flag {flag}");
        }

        args[args.IndexOf("--urls") + 1].ShouldStartWith("https://");
        args.ShouldContain("--tls-key");
        args.ShouldNotContain("--database", "the database URL comes from the Secret, through VIVIDO_DATABASE");
        List(container, "env").Select(e => Text(e, "name")).ShouldContain("VIVIDO_DATABASE");
    }

    [Fact]
    public void Deployment_Pod_IsReplicatedProbedNonRootAndReadOnly()
    {
        var deployment = _manifests.Single("Deployment");
        var pod = Map(deployment, "spec", "template", "spec");
        var container = List(pod, "containers").ShouldHaveSingleItem();

        int.Parse(Text(deployment, "spec", "replicas"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        Text(pod, "securityContext", "runAsNonRoot").ShouldBe("true");
        Text(container, "securityContext", "readOnlyRootFilesystem").ShouldBe("true");
        Text(container, "securityContext", "allowPrivilegeEscalation").ShouldBe("false");
        Text(container, "readinessProbe", "httpGet", "path").ShouldBe("/readyz");
        Text(container, "livenessProbe", "httpGet", "path").ShouldBe("/healthz");
        Text(container, "readinessProbe", "httpGet", "scheme").ShouldBe("HTTPS");
        Map(container, "resources", "requests").Keys.ShouldBe(["cpu", "memory"], ignoreOrder: true);
        Map(container, "resources", "limits").Keys.ShouldContain("memory");
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex FlagPattern();
}
