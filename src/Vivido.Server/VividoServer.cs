using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Vivido.Core.Admitting;
using Vivido.Core.Evidence;
using Vivido.Core.Observability;
using Vivido.Core.Registries;
using Vivido.Core.Service;
using Vivido.Core.Storage;
using Vivido.Server.Api;
using Vivido.Server.Auth;
using Vivido.Server.Contracts;
using Vivido.Server.Hosting;
using Vivido.Server.Http;
using Vivido.Server.Jobs;
using Vivido.Server.Observability;
using Vivido.Evidence;

namespace Vivido.Server;

/// <summary>
/// Builds the one ASP.NET Core host: migrates the store, creates the first admin token, wires the
/// API, auth and problem documents. <c>vivido serve</c> runs it; tests start it on a free loopback port.
/// </summary>
public static class VividoServer
{
    /// <summary>Prepares the store and returns the configured, not yet started, application.</summary>
    /// <exception cref="ServerStartupException">The lifecycle file is invalid, the TLS files or URLs unusable, the bootstrap token unusable or the data folder unwritable.</exception>
    public static async Task<WebApplication> CreateAsync(VividoServerOptions options, IVividoStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var lifecycle = LifecycleSource.Load(options.LifecycleFile);
        var tls = ServerTls.Load(options.TlsCertificateFile, options.TlsKeyFile, options.Urls);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await BootstrapAdminAsync(options, store, cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(VividoServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
            if (tls is not null)
            {
                kestrel.ConfigureHttpsDefaults(tls.Configure);
            }
        });
        ConfigureLogging(builder.Logging, options);
        ConfigureServices(builder.Services, options, store, lifecycle);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapImagesApi();
        app.MapEventsApi();
        app.MapOverridesApi();
        app.MapReviewsApi();
        app.MapRollbacksApi();
        app.MapTagsApi();
        app.MapAuditApi();
        app.MapTokensApi();
        app.MapJobsApi();
        app.MapWebhooksApi(options);
        app.MapSignaturesApi();
        app.MapEvidenceApi();
        app.MapVulnerabilitiesApi();
        app.MapBundlesApi();
        app.MapAdmissionApi(options);
        app.MapCleanupApi();
        app.MapDeploymentsApi();
        app.Lifetime.ApplicationStarted.Register(() => WriteStartLine(app, options, store, lifecycle));
        return app;
    }

    private static async Task BootstrapAdminAsync(VividoServerOptions options, IVividoStore store, CancellationToken cancellationToken)
    {
        string? secret;
        try
        {
            secret = await new TokenService(store, options.Time).BootstrapAsync(options.BootstrapToken, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new ServerStartupException($"VIVIDO_BOOTSTRAP_TOKEN: {ex.Message.Split(" (Parameter")[0]}", ex);
        }

        if (secret is null)
        {
            return;
        }

        string path;
        try
        {
            path = AdminTokenFile.Write(options.DataDirectory, secret);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ServerStartupException($"cannot write {AdminTokenFile.FileName} in {options.DataDirectory}: {ex.Message}", ex);
        }

        options.Output.WriteLine(options.BootstrapToken is null
            ? $"vivido: created the admin token (shown once; also saved to {path}): {secret}"
            : $"vivido: created the admin token from VIVIDO_BOOTSTRAP_TOKEN (also saved to {path})");
    }

    private static void ConfigureLogging(ILoggingBuilder logging, VividoServerOptions options)
    {
        logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        // Requests are not logged one by one; the framework speaks up only when something is wrong.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
    }

    private static void ConfigureServices(IServiceCollection services, VividoServerOptions options, IVividoStore store, LifecycleSource lifecycle)
    {
        services.AddSingleton(store);
        services.AddSingleton(lifecycle.Lifecycle);
        services.AddSingleton(options.Time);
        TransitionObserverFanOut.Register(services);
        services.AddSingleton<ImageService>();
        services.AddSingleton<TransitionService>();
        services.AddSingleton<OverrideService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<RollbackService>();
        services.AddSingleton<TagService>();
        services.AddSingleton(new AuditService(store));
        services.AddSingleton(new DocumentLimits(options.MaxDocumentBytes));
        services.AddSingleton(provider => new EvidenceService(
            store, lifecycle.Lifecycle, options.Time, new EvidenceReaderOptions(MaxBytes: options.MaxDocumentBytes), provider.GetRequiredService<ITransitionObserver>()));
        services.AddSingleton<VulnerabilityService>();
        services.AddSingleton<BundleService>();
        services.AddSingleton<Vivido.Core.Deployments.DeploymentService>();
        services.AddSingleton(provider => new AdmissionService(
            store, lifecycle.Lifecycle, options.Time, new AdmissionOptions(options.AdmissionUnknownTags, options.Cluster), provider.GetRequiredService<ITagResolver>(),
            provider.GetRequiredService<ITransitionObserver>()));
        services.AddSingleton<TokenService>();
        services.AddVividoJobs(options);
        services.AddVividoRegistries(options);

        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = FrameworkProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // The core services only: AddAuthentication() would also pull in data protection (cookie keys) we never use.
        services.AddWebEncoders();
        services.AddAuthenticationCore(auth =>
        {
            auth.AddScheme<BearerTokenHandler>(BearerTokenHandler.SchemeName, displayName: null);
            auth.DefaultScheme = BearerTokenHandler.SchemeName;
        });
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityTransformer>());
    }

    private static void WriteStartLine(WebApplication app, VividoServerOptions options, IVividoStore store, LifecycleSource lifecycle)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        options.Output.WriteLine(
            $"vivido: listening on {string.Join(", ", addresses)}; store {store.Description}; lifecycle {lifecycle.Lifecycle.Name} ({lifecycle.Origin})");
        options.Output.Flush();
    }
}
