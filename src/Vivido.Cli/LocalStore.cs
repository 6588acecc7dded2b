using Vivido.Core.Storage;

namespace Vivido.Cli;

/// <summary>A store a local verb opened (see <see cref="StoreFactory"/>); disposing it closes its connections.</summary>
internal sealed class LocalStore(IVividoStore store) : IAsyncDisposable
{
    public IVividoStore Store => store;

    /// <summary>The store's one-line description (never a password), e.g. <c>postgres 127.0.0.1:5432/vivido</c>.</summary>
    public string Description => store.Description;

    public async ValueTask DisposeAsync()
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
