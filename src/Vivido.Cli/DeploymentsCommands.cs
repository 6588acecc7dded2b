using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Vivido.Cli;

/// <summary><c>vivido where DIGEST</c>, <c>vivido deployments report</c> and <c>vivido deployments summary</c>: where digests run.</summary>
internal static class DeploymentsCommands
{
    public static Command CreateWhere()
    {
        var digest = new Argument<string>("DIGEST") { Description = "sha256:<64 hex>." };
        var json = ByteSession.JsonFlag();
        var command = new Command("where", "Where a digest runs: environment, cluster, namespace, workload, status, first and last seen.");
        command.Arguments.Add(digest);
        command.Options.Add(json);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = ByteSession.OpenJson(client, parse, json);
            var result = await session.GetAsync($"api/v1/images/{ClientText.Segment(parse.GetRequiredValue(digest))}/deployments", cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                TableWriter.Write(
                    session.Output,
                    ["ENVIRONMENT", "CLUSTER", "NAMESPACE", "WORKLOAD", "STATUS", "FIRST-SEEN", "LAST-SEEN"],
                    result.Items().Select(d => (IReadOnlyList<string>)
                        [d.Str("environment"), d.Str("cluster"), d.Str("namespace"), d.Str("workload"), d.Str("status"), d.Time("firstSeen"), d.Time("lastSeen")]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Create()
    {
        var deployments = new Command("deployments", "Report where digests run, and see deployment and rollback success rates.");
        deployments.Subcommands.Add(CreateReport());
        deployments.Subcommands.Add(CreateSummary());
        return deployments;
    }

    private static Command CreateReport()
    {
        var digest = new Option<string>("--digest") { Description = "The digest deployed, sha256:<64 hex>.", Required = true };
        var environment = new Option<string>("--environment") { Description = "E.g. staging, prod.", Required = true };
        var cluster = new Option<string>("--cluster") { Description = "The cluster (or host group) it runs on.", Required = true };
        var ns = new Option<string>("--namespace") { Description = "The namespace (or any grouping your deploy tool uses).", Required = true };
        var workload = new Option<string>("--workload") { Description = "The workload, e.g. deployment/payment-api.", Required = true };
        var status = new Option<string>("--status") { Description = "healthy, degraded, failed, stopped or progressing.", Required = true };
        var command = new Command(
            "report",
            "Record that a digest runs somewhere, for deploy tools without Kubernetes admission. The first report keeps first-seen; later ones update status and last-seen.");
        command.Options.Add(digest);
        command.Options.Add(environment);
        command.Options.Add(cluster);
        command.Options.Add(ns);
        command.Options.Add(workload);
        command.Options.Add(status);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = client.Open(parse);
            var body = new
            {
                environment = parse.GetRequiredValue(environment),
                cluster = parse.GetRequiredValue(cluster),
                @namespace = parse.GetRequiredValue(ns),
                workload = parse.GetRequiredValue(workload),
                digest = parse.GetRequiredValue(digest),
                status = parse.GetRequiredValue(status),
            };
            var row = await session.CallAsync(HttpMethod.Post, "api/v1/deployments", body, cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                await session.Output.WriteLineAsync(
                    $"{row.Str("digest")} {row.Str("status")} in {row.Str("environment")} ({row.Str("cluster")}/{row.Str("namespace")}/{row.Str("workload")}), " +
                    $"first seen {row.Time("firstSeen")}, last seen {row.Time("lastSeen")}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateSummary()
    {
        var since = new Option<string?>("--since") { Description = "Count from this RFC 3339 time, e.g. 2026-01-31T00:00:00Z (default: 30 days ago)." };
        var json = ByteSession.JsonFlag();
        var command = new Command(
            "summary",
            "Deployment rows by status, and rollbacks by outcome, since a time. Deployment success = healthy / (healthy + degraded + failed); " +
            "a rollback succeeded when its digest was later seen healthy, failed when only seen failed; rollback success = succeeded / (succeeded + failed).");
        command.Options.Add(since);
        command.Options.Add(json);
        var client = ClientOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var session = ByteSession.OpenJson(client, parse, json);
            var result = await session.GetAsync("api/v1/deployments/summary" + ClientText.Query(("since", parse.GetValue(since))), cancel).ConfigureAwait(false);
            if (!session.Json)
            {
                var d = result.Obj("deployments");
                var r = result.Obj("rollbacks");
                TableWriter.WritePairs(
                    session.Output,
                    [
                        ("since", result.Time("since")),
                        ("deployments", $"{d.Str("total")} (healthy {d.Str("healthy")}, degraded {d.Str("degraded")}, failed {d.Str("failed")}, " +
                            $"stopped {d.Str("stopped")}, progressing {d.Str("progressing")})"),
                        ("deployment success", Percent(d.Obj("successRate"))),
                        ("rollbacks", $"{r.Str("total")} (succeeded {r.Str("succeeded")}, failed {r.Str("failed")}, pending {r.Str("pending")})"),
                        ("rollback success", Percent(r.Obj("successRate"))),
                    ]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A rate as <c>87.5%</c>; <c>-</c> when there is none.</summary>
    private static string Percent(JsonElement rate) =>
        rate.ValueKind == JsonValueKind.Number ? (rate.GetDouble() * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "-";
}
