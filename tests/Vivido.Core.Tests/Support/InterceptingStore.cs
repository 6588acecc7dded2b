using System.Reflection;
using Vivido.Core.Storage;

namespace Vivido.Core.Tests.Support;

/// <summary>Forwards every call to a real store and runs a hook after each due-timer listing: another writer acting at that moment.</summary>
public class InterceptingStore : DispatchProxy
{
    private IVividoStore? _inner;
    private Func<IReadOnlyList<DueTimer>, Task>? _afterListing;

    internal static IVividoStore Wrap(IVividoStore inner, Func<IReadOnlyList<DueTimer>, Task> afterListing)
    {
        var proxy = Create<IVividoStore, InterceptingStore>();
        var self = (InterceptingStore)(object)proxy;
        self._inner = inner;
        self._afterListing = afterListing;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var result = targetMethod.Invoke(_inner, args);
        return targetMethod.Name == nameof(ITimerStore.ListDueTimersAsync)
            ? ThenAsync((Task<IReadOnlyList<DueTimer>>)result!)
            : result;
    }

    private async Task<IReadOnlyList<DueTimer>> ThenAsync(Task<IReadOnlyList<DueTimer>> listing)
    {
        var due = await listing;
        await _afterListing!(due);
        return due;
    }
}
