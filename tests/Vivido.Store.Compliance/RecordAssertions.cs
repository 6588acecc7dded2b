using Vivido.Core.Images;
using Vivido.Core.Storage;

namespace Vivido.Store.Compliance;

/// <summary>Value comparisons for records that hold lists or maps (record equality compares those by reference).</summary>
internal static class RecordAssertions
{
    public static void ShouldMatch(this ImageRecord actual, ImageRecord expected)
    {
        actual.ShouldBe(expected with { Tags = actual.Tags, Attributes = actual.Attributes });
        actual.Tags.ShouldBe(expected.Tags);
        actual.Attributes.ShouldBe(expected.Attributes, ignoreOrder: true);
    }

    public static void ShouldMatch(this HistoryEntry actual, HistoryEntry expected)
    {
        actual.ShouldBe(expected with { Params = actual.Params });
        actual.Params.ShouldBe(expected.Params, ignoreOrder: true);
    }

    public static void ShouldMatch(this ScanFact? actual, ScanFact expected)
    {
        actual.ShouldNotBeNull().ShouldBe(expected with { Cves = actual.Cves });
        actual.Cves.ShouldBe(expected.Cves);
    }

    public static void ShouldMatch(this TokenRecord? actual, TokenRecord expected)
    {
        actual.ShouldNotBeNull().ShouldBe(expected with { Roles = actual.Roles, RepositoryPatterns = actual.RepositoryPatterns });
        actual.Roles.ShouldBe(expected.Roles);
        actual.RepositoryPatterns.ShouldBe(expected.RepositoryPatterns);
    }
}
