using System.Collections.Concurrent;
using Vivido.Core.Service;
using Vivido.Registry;

namespace Vivido.Cli;

/// <summary>
/// Imports a registry into Vivido: lists repositories (filtered by a glob) and their tags, resolves every tag to its digest,
/// and hands each digest with its tags to <paramref name="register"/>. Registration is idempotent, so a second run or a run
/// after an interrupted one registers only what is still missing. A failure of one repository, tag or digest is recorded
/// and the rest goes on.
/// </summary>
internal sealed class RegistryImporter(
    RegistryClient registry,
    Func<ImportCandidate, CancellationToken, Task<ImportOutcome>> register,
    int concurrency,
    IImportProgress progress)
{
    public async Task<ImportReport> RunAsync(string? repositoryGlob, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<ImportFailure>();
        var repositories = new List<string>();
        await foreach (var repository in registry.ListRepositoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (repositoryGlob is null || RepositoryPattern.Matches(repositoryGlob, repository)
                || RepositoryPattern.Matches(repositoryGlob, RepositoryNames.Join(registry.Host, repository)))
            {
                repositories.Add(repository);
            }
        }

        var tags = await ListTagsAsync(repositories, failures, cancellationToken).ConfigureAwait(false);
        var candidates = await ResolveAsync(tags, failures, cancellationToken).ConfigureAwait(false);
        var (created, known) = await RegisterAsync(candidates, failures, cancellationToken).ConfigureAwait(false);
        var ordered = failures.OrderBy(f => f.Reference, StringComparer.Ordinal).ToList();
        return new ImportReport(created, known, tags.Count, ordered);
    }

    private async Task<List<(string Repository, string Tag)>> ListTagsAsync(
        List<string> repositories, ConcurrentBag<ImportFailure> failures, CancellationToken cancellationToken)
    {
        progress.Start("list tags", repositories.Count);
        var found = new ConcurrentBag<(string, string)>();
        await Parallel.ForEachAsync(repositories, Options(cancellationToken), async (repository, ct) =>
        {
            try
            {
                await foreach (var tag in registry.ListTagsAsync(repository, ct).ConfigureAwait(false))
                {
                    found.Add((repository, tag));
                }
            }
            catch (Exception e) when (e is RegistryException or ArgumentException)
            {
                failures.Add(new ImportFailure(RepositoryNames.Join(registry.Host, repository), e.Message));
            }

            progress.Advance();
        }).ConfigureAwait(false);
        return [.. found.OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal)];
    }

    private async Task<List<ImportCandidate>> ResolveAsync(
        List<(string Repository, string Tag)> tags, ConcurrentBag<ImportFailure> failures, CancellationToken cancellationToken)
    {
        progress.Start("resolve tags", tags.Count);
        var digests = new ConcurrentDictionary<(string Repository, string Digest), ConcurrentBag<string>>();
        await Parallel.ForEachAsync(tags, Options(cancellationToken), async (item, ct) =>
        {
            var reference = $"{RepositoryNames.Join(registry.Host, item.Repository)}:{item.Tag}";
            try
            {
                var descriptor = await registry.ResolveAsync(item.Repository, item.Tag, ct).ConfigureAwait(false);
                if (descriptor is null)
                {
                    // Deleted between listing and resolving: nothing left to import.
                    failures.Add(new ImportFailure(reference, "the tag disappeared while importing"));
                }
                else
                {
                    digests.GetOrAdd((item.Repository, descriptor.Digest), _ => []).Add(item.Tag);
                }
            }
            catch (Exception e) when (e is RegistryException or ArgumentException)
            {
                failures.Add(new ImportFailure(reference, e.Message));
            }

            progress.Advance();
        }).ConfigureAwait(false);
        return [.. digests
            .Select(d => new ImportCandidate(
                RepositoryNames.Join(registry.Host, d.Key.Repository),
                d.Key.Digest,
                [.. d.Value.Order(StringComparer.Ordinal)]))
            .OrderBy(c => c.Repository, StringComparer.Ordinal)
            .ThenBy(c => c.Digest, StringComparer.Ordinal)];
    }

    private async Task<(int New, int Known)> RegisterAsync(
        List<ImportCandidate> candidates, ConcurrentBag<ImportFailure> failures, CancellationToken cancellationToken)
    {
        progress.Start("register digests", candidates.Count);
        var created = 0;
        var known = 0;
        await Parallel.ForEachAsync(candidates, Options(cancellationToken), async (candidate, ct) =>
        {
            try
            {
                var outcome = await register(candidate, ct).ConfigureAwait(false);
                Interlocked.Increment(ref outcome == ImportOutcome.New ? ref created : ref known);
            }
            catch (CliException e)
            {
                failures.Add(new ImportFailure($"{candidate.Repository}@{candidate.Digest}", e.Message));
            }

            progress.Advance();
        }).ConfigureAwait(false);
        return (created, known);
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
}
