using Vivido.Cel;

namespace Vivido.Core.Lifecycles;

/// <summary>A named CEL condition on a transition; its message is the rejection reason shown to callers.</summary>
/// <param name="Name">Stable guard name, reported when unmet.</param>
/// <param name="Expression">The CEL source.</param>
/// <param name="Message">Why the transition is refused when the guard does not hold.</param>
/// <param name="Program">The compiled expression.</param>
public sealed record GuardDefinition(string Name, string Expression, string Message, CelProgram Program);
