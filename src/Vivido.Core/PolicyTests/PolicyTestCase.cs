using Vivido.Core.Engine;
using Vivido.Core.Images;

namespace Vivido.Core.PolicyTests;

/// <summary>One case read from a cases file, ready to decide.</summary>
internal sealed record PolicyTestCase(
    string Name,
    ImageSnapshot Image,
    TransitionRequest Request,
    RepositoryContext Repository,
    DateTimeOffset Now,
    ExpectedOutcome Expect);
