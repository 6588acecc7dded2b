namespace Vivido.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Paths_RepoRoot_HasSolution() => File.Exists(Vivido.Testing.TestPaths.InRepo("Vivido.slnx")).ShouldBeTrue();
}
