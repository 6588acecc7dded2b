namespace Vivido.Benchmarks.Reads;

/// <summary>Random request paths over the seeded data: list the Active images of a random repository, show a random digest.</summary>
internal sealed class RequestMix(SeedPlan plan, Random random)
{
    public IReadOnlyList<string> Lists(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => "/api/v1/images?state=Active&repository=" + Uri.EscapeDataString(SeedPlan.Repository(random.Next(plan.Repositories))))
            .ToList();

    public IReadOnlyList<string> Images(int count) =>
        Enumerable.Range(0, count).Select(_ => "/api/v1/images/" + SeedPlan.Digest(random.Next(plan.Images))).ToList();
}
