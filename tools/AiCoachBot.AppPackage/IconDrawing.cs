namespace AiCoachBot.AppPackage;

/// <summary>
/// The app's two icons, drawn from shapes: a speech bubble (the coach) holding a rising line (the project's KPIs).
/// The colour icon puts them in white on the brand colour; the outline icon is the same mark in white on transparent,
/// as Teams requires. Shapes are sampled 4 × 4 per pixel for smooth edges.
/// </summary>
public static class IconDrawing
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;
    /// <summary>Teal, the app's accent colour (also the manifest's accentColor).</summary>
    public static readonly (byte R, byte G, byte B) Brand = (0x0E, 0x74, 0x90);

    public static byte[] Color() => Draw(ColorSize, background: true);

    public static byte[] Outline() => Draw(OutlineSize, background: false);

    private static byte[] Draw(int size, bool background)
    {
        var rgba = new byte[size * size * 4];
        const int samples = 4;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                int mark = 0, tile = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        // Shapes are drawn in a unit square (0..1), whatever the icon's size.
                        var u = (x + (sx + 0.5) / samples) / size;
                        var v = (y + (sy + 0.5) / samples) / size;
                        if (InTile(u, v)) tile++;
                        if (InMark(u, v, thin: !background)) mark++;
                    }
                }
                var i = (y * size + x) * 4;
                var markCover = mark / (double)(samples * samples);
                if (background)
                {
                    var tileCover = tile / (double)(samples * samples);
                    // White mark over the brand tile, the tile's own edge anti-aliased against transparency.
                    rgba[i] = Blend(Brand.R, 255, markCover);
                    rgba[i + 1] = Blend(Brand.G, 255, markCover);
                    rgba[i + 2] = Blend(Brand.B, 255, markCover);
                    rgba[i + 3] = (byte)Math.Round(255 * tileCover);
                }
                else
                {
                    rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
                    rgba[i + 3] = (byte)Math.Round(255 * markCover);
                }
            }
        }
        return Png.Encode(size, size, rgba);
    }

    /// <summary>The colour icon's full-bleed tile, with softly rounded corners.</summary>
    private static bool InTile(double u, double v) => RoundedBox(u, v, 0.5, 0.5, 0.5, 0.5, 0.12) <= 0;

    /// <summary>The bubble's outline with its tail, and the rising line inside it.</summary>
    private static bool InMark(double u, double v, bool thin)
    {
        var stroke = thin ? 0.075 : 0.055;
        // The bubble: a rounded box drawn as a ring, and its tail at the lower left.
        var box = RoundedBox(u, v, 0.5, 0.44, 0.33, 0.25, 0.1);
        var ring = Math.Abs(box) <= stroke / 2;
        var tail = Segment(u, v, 0.30, 0.66, 0.24, 0.82) <= stroke / 2 || Segment(u, v, 0.24, 0.82, 0.44, 0.69) <= stroke / 2;
        var insideTail = box > 0 && tail;
        // The rising line: three segments, up and to the right.
        var line = Segment(u, v, 0.30, 0.54, 0.42, 0.44) <= stroke / 2
            || Segment(u, v, 0.42, 0.44, 0.52, 0.50) <= stroke / 2
            || Segment(u, v, 0.52, 0.50, 0.70, 0.32) <= stroke / 2;
        return ring || insideTail || line;
    }

    /// <summary>Signed distance to a box centred at (cx, cy) with half sizes (hx, hy) and corner radius r.</summary>
    private static double RoundedBox(double u, double v, double cx, double cy, double hx, double hy, double r)
    {
        var qx = Math.Abs(u - cx) - hx + r;
        var qy = Math.Abs(v - cy) - hy + r;
        var outside = Math.Sqrt(Math.Pow(Math.Max(qx, 0), 2) + Math.Pow(Math.Max(qy, 0), 2));
        return outside + Math.Min(Math.Max(qx, qy), 0) - r;
    }

    /// <summary>Distance from a point to the segment (ax, ay)-(bx, by).</summary>
    private static double Segment(double u, double v, double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var t = Math.Clamp(((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy), 0, 1);
        return Math.Sqrt(Math.Pow(u - ax - t * dx, 2) + Math.Pow(v - ay - t * dy, 2));
    }

    private static byte Blend(byte from, byte to, double amount) => (byte)Math.Round(from + (to - from) * amount);
}
