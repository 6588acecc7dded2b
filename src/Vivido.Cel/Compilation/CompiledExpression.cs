using Vivido.Cel.Evaluation;

namespace Vivido.Cel.Compilation;

/// <summary>The root evaluation node and the number of comprehension slots it needs.</summary>
internal sealed record CompiledExpression(Node Root, int LocalCount);
