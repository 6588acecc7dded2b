namespace Vivido.Cel; internal static class Placeholder { }
