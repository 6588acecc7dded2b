using System.Data.Common;
using Vivido.Core.Storage;

namespace Vivido.Store.Common;

/// <summary>Reading a repository's vulnerability sightings (alias <c>s</c>, joined to images <c>i</c>).</summary>
public static class SightingColumns
{
    /// <summary>The query <see cref="Read"/> expects; the store appends <c>WHERE i.repository = ...</c> and <see cref="Order"/>.</summary>
    public const string Select =
        "SELECT i.digest, s.vuln_id, s.first_seen, s.present FROM vulnerability_sightings s JOIN images i ON i.id = s.image_id";

    /// <summary>Oldest sighting first; ties by image and key, so both stores return one order.</summary>
    public const string Order = " ORDER BY s.first_seen, s.image_id, s.vuln_key";

    /// <summary>The sighting in the current row.</summary>
    public static VulnerabilitySighting Read(DbDataReader reader, TimeReader time)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(time);
        return new VulnerabilitySighting(reader.GetString(0), reader.GetString(1), time.Read(reader, 2), reader.GetBoolean(3));
    }
}
