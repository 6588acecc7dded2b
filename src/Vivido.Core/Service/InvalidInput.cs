namespace Vivido.Core.Service;

/// <summary>A field of the request is missing or malformed (HTTP 400).</summary>
/// <param name="Field">The field, as named in the API's JSON or query (e.g. <c>digest</c>, <c>params.to</c>).</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record InvalidInput(string Field, string Message) : ServiceFailure(Message);
