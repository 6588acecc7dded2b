using Microsoft.Extensions.DependencyInjection.Extensions;
using Vivido.Core.Registries;
using Vivido.Core.Service;
using Vivido.Core.Signatures;
using Vivido.Registry;
using Vivido.Registry.Cleanup;
using Vivido.Registry.Cosign;

namespace Vivido.Server.Api;

/// <summary>The registry-facing services: one <see cref="RegistryClientFactory"/>, the signing keys, signature verification and cleanup.</summary>
internal static class RegistryServices
{
    /// <exception cref="ServerStartupException">A signing key cannot be read or is not a PEM ECDSA P-256 public key.</exception>
    public static IServiceCollection AddVividoRegistries(this IServiceCollection services, VividoServerOptions options)
    {
        SigningKeyring keys;
        try
        {
            keys = SigningKeyring.Load(options.SigningKeys);
        }
        catch (ArgumentException ex)
        {
            throw new ServerStartupException(ex.Message.Split(" (Parameter")[0], ex);
        }

        services.AddSingleton(keys);
        services.TryAddSingleton(_ => new RegistryClientFactory(options.Registries, time: options.Time));
        services.AddSingleton<ISignatureSource, CosignSignatureSource>();
        services.AddSingleton<IRegistryDeleter, RegistryManifestDeleter>();
        services.AddSingleton<ITagResolver, RegistryTagResolver>();
        services.AddSingleton<SignatureService>();
        services.AddSingleton<CleanupService>();
        return services;
    }
}
