using Vivido.Store.Common;

namespace Vivido.Store.Sqlite.Tests;

public sealed class ImageCursorTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(123456789012L)]
    public void Decode_EncodedId_RoundTrips(long id)
    {
        var cursor = ImageCursor.Encode(id);

        cursor.ShouldNotContain("=");
        ImageCursor.Decode(cursor).ShouldBe(id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@@@")]
    [InlineData("djE6LTE")]
    [InlineData("djI6MQ")]
    [InlineData("djE6")]
    public void Decode_ForeignText_ThrowsArgumentException(string cursor)
    {
        Should.Throw<ArgumentException>(() => ImageCursor.Decode(cursor)).ParamName.ShouldBe("cursor");
    }
}
