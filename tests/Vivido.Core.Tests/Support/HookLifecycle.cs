using Vivido.Core.Lifecycles;
using Vivido.Testing;

namespace Vivido.Core.Tests.Support;

/// <summary>A small lifecycle with <c>on_tag_move</c> hooks: moving <c>latest</c> or <c>release-*</c> off an Active digest deprecates it unless pinned.</summary>
internal static class HookLifecycle
{
    public static Lifecycle Load()
    {
        var result = LifecycleLoader.Load(TestLifecycleFiles.TagMoveHooks, "hooks.yaml");
        result.Diagnostics.ShouldBeEmpty();
        return result.Lifecycle!;
    }
}
