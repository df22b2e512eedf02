using AiCoachBot.AppPackage;

namespace AiCoachBot.Deployment.Tests;

/// <summary>The two icons Teams requires, at their sizes; the outline white on transparent; both as the drawing makes them.</summary>
public sealed class IconTests
{
    [Fact]
    public void TheColourIcon_Is192Square_InColour()
    {
        var (width, height, colorType, rgba) = Png.Decode(File.ReadAllBytes(Repository.Path("manifest", "color.png")));

        Assert.Equal((192, 192, (byte)6), (width, height, colorType));
        Assert.Contains(Pixels(rgba), p => p.A == 255 && p.R < 100 && p.B > 100);
    }

    [Fact]
    public void TheOutlineIcon_Is32Square_WhiteOnTransparent()
    {
        var (width, height, colorType, rgba) = Png.Decode(File.ReadAllBytes(Repository.Path("manifest", "outline.png")));

        Assert.Equal((32, 32, (byte)6), (width, height, colorType));
        var pixels = Pixels(rgba).ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"pixel {p} is neither transparent nor white"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void TheCommittedIcons_AreWhatTheDrawingMakes()
    {
        Assert.Equal(IconDrawing.Color(), File.ReadAllBytes(Repository.Path("manifest", "color.png")));
        Assert.Equal(IconDrawing.Outline(), File.ReadAllBytes(Repository.Path("manifest", "outline.png")));
    }

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(byte[] rgba)
    {
        for (var i = 0; i < rgba.Length; i += 4) yield return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }
}
