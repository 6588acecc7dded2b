using FsCheck;
using FsCheck.Fluent;
using Vivido.Cel.Time;

namespace Vivido.Cel.Tests;

public class CivilCalendarTests
{
    [Fact]
    public void CivilFromDays_AgreesWithDateTimeAcrossItsRange() =>
        Prop.ForAll(Arb.From(Gen.Choose(-719_162, 2_932_896)), days =>
        {
            var expected = DateTime.UnixEpoch.AddDays(days);
            var (year, month, day) = CivilCalendar.CivilFromDays(days);
            return year == expected.Year && month == expected.Month && day == expected.Day
                && CivilCalendar.DaysFromCivil(year, month, day) == days;
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(-7, 2, -4)]
    [InlineData(7, 2, 3)]
    [InlineData(-8, 2, -4)]
    [InlineData(0, 5, 0)]
    public void FloorDiv_RoundsTowardsNegativeInfinity(long value, long divisor, long expected) =>
        CivilCalendar.FloorDiv(value, divisor).ShouldBe(expected);

    [Theory]
    [InlineData(2000, true)]
    [InlineData(1900, false)]
    [InlineData(2024, true)]
    [InlineData(2023, false)]
    public void IsLeapYear_FollowsGregorianRules(long year, bool expected) =>
        CivilCalendar.IsLeapYear(year).ShouldBe(expected);
}
