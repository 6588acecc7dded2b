namespace Vivido.Core.Service;

/// <summary>Why a service call did not succeed; each subtype maps to one HTTP status and one CLI exit code.</summary>
/// <param name="Message">One line for people.</param>
public abstract record ServiceFailure(string Message);
