namespace Vivido.Replicas.Tests.Support;

/// <summary>What one <c>vivido serve</c> replica is started with.</summary>
/// <param name="ReplicaId">Its <c>--replica-id</c>.</param>
/// <param name="Database">Its <c>--database</c> (a postgres:// URL).</param>
/// <param name="DataDirectory">Its <c>--data</c> folder (admin.token); one per replica.</param>
/// <param name="LifecycleFile">Its <c>--lifecycle</c> file.</param>
/// <param name="ExtraArguments">More arguments, e.g. <c>--job-interval 200ms</c>.</param>
internal sealed record ReplicaLaunch(string ReplicaId, string Database, string DataDirectory, string LifecycleFile, IReadOnlyList<string> ExtraArguments);
