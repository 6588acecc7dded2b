namespace Vivido.Core; internal static class Placeholder { }
