namespace FairnessGuard.Tests;

public class PlaceholderTests
{
    [Xunit.Fact]
    public void Works() => Xunit.Assert.Equal(2, 1 + 1);
}
