using Npgsql;

namespace Vivido.Store.Postgres.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void FromUrl_FullUrl_SetsEveryPartAndDecodesThem()
    {
        var parsed = Parse("postgres://vivido%2Dapp:p%40ss%3Aw%2Frd@db.example.com:6543/life%20cycle?sslmode=require&application_name=api&connect_timeout=12");

        parsed.Username.ShouldBe("vivido-app");
        parsed.Password.ShouldBe("p@ss:w/rd");
        parsed.Host.ShouldBe("db.example.com");
        parsed.Port.ShouldBe(6543);
        parsed.Database.ShouldBe("life cycle");
        parsed.SslMode.ShouldBe(SslMode.Require);
        parsed.ApplicationName.ShouldBe("api");
        parsed.Timeout.ShouldBe(12);
        parsed.CommandTimeout.ShouldBe(PostgresConnectionString.DefaultCommandTimeoutSeconds);
    }

    [Fact]
    public void FromUrl_HostOnly_GetsTheDefaults()
    {
        var parsed = Parse("postgresql://localhost");

        parsed.Host.ShouldBe("localhost");
        parsed.Port.ShouldBe(NpgsqlConnection.DefaultPort);
        parsed.Database.ShouldBeNull();
        parsed.Username.ShouldBeNull();
        parsed.Timeout.ShouldBe(PostgresConnectionString.DefaultTimeoutSeconds);
        parsed.CommandTimeout.ShouldBe(PostgresConnectionString.DefaultCommandTimeoutSeconds);
        parsed.ApplicationName.ShouldBe(PostgresConnectionString.DefaultApplicationName);
    }

    [Theory]
    [InlineData("postgres://vivido@/vivido?host=/var/run/postgresql", "/var/run/postgresql", 5432)]
    [InlineData("postgres://[::1]:5433/vivido", "::1", 5433)]
    [InlineData("POSTGRES://Db.Example.com/vivido", "Db.Example.com", 5432)]
    public void FromUrl_HostForms_AreUnderstood(string url, string host, int port)
    {
        var parsed = Parse(url);

        parsed.Host.ShouldBe(host);
        parsed.Port.ShouldBe(port);
        parsed.Database.ShouldBe("vivido");
    }

    [Fact]
    public void FromUrl_Utf8PercentEncodedUser_IsDecoded()
    {
        Parse("postgres://%C3%A9l%C3%A8ve@h/db").Username.ShouldBe("élève");
    }

    [Fact]
    public void FromUrl_KeywordString_IsReturnedUnchanged()
    {
        const string keywords = "Host=db;Port=5433;Database=vivido;Username=app;Password=secret";

        PostgresConnectionString.FromUrl(keywords).ShouldBe(keywords);
    }

    [Theory]
    [InlineData("postgres://app:hunter2@h/db?colour=blue", "unknown parameter 'colour' in the database URL")]
    [InlineData("postgres://app:hunter2@h:99999/db", "invalid port in the database URL (expected a number 1-65535)")]
    [InlineData("postgres://app:hunter2@h:abc/db", "invalid port in the database URL (expected a number 1-65535)")]
    [InlineData("postgres://app:hun/ter2@h/db", "the database URL has an '@' after its host: percent-encode '/', '?' and '@' in the user name, password and database")]
    [InlineData("postgres://app:hun?ter=2@h/db", "the database URL has an '@' after its host: percent-encode '/', '?' and '@' in the user name, password and database")]
    [InlineData("postgres://app:hunter2%zz@h/db", "malformed percent-encoding in the password of the database URL")]
    [InlineData("postgres://app:hunter2%FF@h/db", "the password of the database URL is not valid UTF-8 once decoded")]
    [InlineData("postgres://app:hunter2@/db", "the database URL names no host")]
    [InlineData("postgres://app:hunter2@h/db?sslmode=sometimes", "invalid sslmode 'sometimes' in the database URL (disable, allow, prefer, require, verify-ca or verify-full)")]
    [InlineData("postgres://app:hunter2@h/db?connect_timeout=-1", "invalid connect_timeout '-1' in the database URL (seconds, 0-1024)")]
    [InlineData("postgres://app:hunter2@[::1/db", "malformed IPv6 host in the database URL")]
    [InlineData("mysql://app:hunter2@h/db", "the database URL must start with postgres:// or postgresql://")]
    [InlineData("  ", "the database URL is empty")]
    [InlineData("Host=h;Password=hunter2;Frobnicate=yes", "malformed PostgreSQL connection string (expected postgres://... or Host=...;Database=...)")]
    [InlineData("Host=h;Password=hun;ter2", "malformed PostgreSQL connection string (expected postgres://... or Host=...;Database=...)")]
    public void FromUrl_Malformed_ThrowsAOneLineMessageWithoutThePassword(string url, string message)
    {
        var error = Should.Throw<FormatException>(() => PostgresConnectionString.FromUrl(url));

        error.Message.ShouldBe(message);
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldNotContain("ter2");
    }

    private static NpgsqlConnectionStringBuilder Parse(string url) => new(PostgresConnectionString.FromUrl(url));
}
