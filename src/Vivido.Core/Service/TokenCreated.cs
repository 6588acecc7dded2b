using Vivido.Core.Storage;

namespace Vivido.Core.Service;

/// <summary>A new token: the stored record and the secret, which is shown once and never stored.</summary>
public sealed record TokenCreated(TokenRecord Token, string Secret);
