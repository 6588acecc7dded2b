namespace Vivido.Evidence.Reading;

/// <summary>
/// Collects CVSS base scores from any number of sources and picks the highest, preferring v3 (and later)
/// scores over v2 ones: a v2 score only counts when no source gives a newer one.
/// </summary>
internal struct CvssPick
{
    private double? modern;
    private double? legacy;

    public readonly double? Best => modern ?? legacy;

    public void Add(double? score, bool isV2)
    {
        if (score is not { } value || value < 0 || value > 10)
        {
            return;
        }

        if (isV2)
        {
            legacy = legacy is { } l ? Math.Max(l, value) : value;
        }
        else
        {
            modern = modern is { } m ? Math.Max(m, value) : value;
        }
    }
}
