namespace Vivido.Cli;

/// <summary>Where an import reports how far it is: a progress bar on a terminal, plain lines otherwise.</summary>
internal interface IImportProgress
{
    /// <summary>A new phase (e.g. "resolve tags") with <paramref name="total"/> steps.</summary>
    void Start(string phase, int total);

    /// <summary>One more step of the current phase is done.</summary>
    void Advance();
}
