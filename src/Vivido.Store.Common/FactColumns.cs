using System.Data.Common;
using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>The columns of the evidence, approvals and deployments rows an image's facts are built from, and how to read them.</summary>
public static class FactColumns
{
    /// <summary>The evidence columns <see cref="ReadEvidence"/> expects.</summary>
    public const string Evidence = "kind, fact";

    /// <summary>The approvals columns <see cref="ReadApproval"/> expects.</summary>
    public const string Approval = "actor, role, comment, at";

    /// <summary>The deployments columns <see cref="ReadDeployment"/> expects.</summary>
    public const string Deployment = "environment, cluster, namespace, workload, status, first_seen, last_seen";

    /// <summary>The normalised fact in the current evidence row.</summary>
    public static object ReadEvidence(DbDataReader reader) =>
        JsonColumns.ParseFact(StorageNames.ParseEvidenceKind(reader.GetString(0)), reader.GetString(1));

    /// <summary>The approval in the current row.</summary>
    public static ApprovalFact ReadApproval(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetString(1), reader.NullableString(2), time.Read(reader, 3));

    /// <summary>The deployment in the current row.</summary>
    public static DeploymentFact ReadDeployment(DbDataReader reader, TimeReader time) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ParseStatus(reader.GetString(4)),
        time.Read(reader, 5), time.Read(reader, 6));

    /// <summary>
    /// The deployment columns then the image's digest and repository, for <see cref="ReadDeploymentRow"/>;
    /// <c>d</c> is deployments and <c>i</c> images.
    /// </summary>
    public const string DeploymentRow =
        "d.environment, d.cluster, d.namespace, d.workload, d.status, d.first_seen, d.last_seen, i.digest, i.repository";

    /// <summary>An accepted rollback's digest, repository and time, for <see cref="ReadRollback"/>; <c>h</c> is history and <c>i</c> images.</summary>
    public const string Rollback = "i.digest, i.repository, h.at";

    /// <summary>The deployment row, with its image, in the current row.</summary>
    public static DeploymentRow ReadDeploymentRow(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(7), reader.GetString(8), ReadDeployment(reader, time));

    /// <summary>The rollback entry in the current row.</summary>
    public static RollbackEntry ReadRollback(DbDataReader reader, TimeReader time) =>
        new(reader.GetString(0), reader.GetString(1), time.Read(reader, 2));

    /// <summary>The stored name of a deployment status.</summary>
    public static string StatusName(DeploymentStatus status) => DeploymentStatusNames.Name(status);

    /// <summary>
    /// The engine's facts about an image from its evidence (in attachment order), approvals and
    /// deployments: the latest evidence of each kind wins, and the latest result per test suite.
    /// </summary>
    public static ImageFacts Build(IEnumerable<object> evidence, IReadOnlyList<ApprovalFact> approvals, IReadOnlyList<DeploymentFact> deployments)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var tests = new Dictionary<string, TestResultFact>(StringComparer.Ordinal);
        var suites = new List<string>();
        ScanFact? scan = null;
        SbomFact? sbom = null;
        SignatureFact? signature = null;
        ProvenanceFact? provenance = null;
        foreach (var fact in evidence)
        {
            switch (fact)
            {
                case ScanFact s: scan = s; break;
                case SbomFact s: sbom = s; break;
                case SignatureFact s: signature = s; break;
                case ProvenanceFact p: provenance = p; break;
                case TestResultFact t:
                    if (tests.TryAdd(t.Suite, t))
                    {
                        suites.Add(t.Suite);
                    }
                    else
                    {
                        tests[t.Suite] = t;
                    }

                    break;
            }
        }

        return new ImageFacts(scan, sbom, signature, provenance, suites.Select(s => tests[s]).ToList(), approvals, deployments);
    }

    private static DeploymentStatus ParseStatus(string name) =>
        DeploymentStatusNames.TryParse(name, out var status) ? status : throw new FormatException($"unknown deployment status '{name}'");
}
