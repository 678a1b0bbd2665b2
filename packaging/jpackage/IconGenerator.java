import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Runbench application icon: three training curves on a dark rounded square, written as a
 * 256x256 PNG.
 *
 * <p>Run it from the repository root with {@code java packaging/jpackage/IconGenerator.java} (Java 11+
 * runs a single source file directly). It writes {@code packaging/jpackage/runbench.png}, or the path
 * given as the first argument. The drawing is deterministic, so running it again gives the same picture.
 */
public final class IconGenerator {

    private static final int SIZE = 256;
    private static final int MARGIN = 8;
    private static final int CORNER_ARC = 56;

    /** Left, top, right and bottom edges of the plot area inside the square, in pixels. */
    private static final int PLOT_LEFT = 40;
    private static final int PLOT_TOP = 48;
    private static final int PLOT_RIGHT = 220;
    private static final int PLOT_BOTTOM = 208;

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "packaging/jpackage/runbench.png");
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("Failed to write the icon to " + output + ": folder " + folder
                    + " not found. Run this from the repository root or pass an output path.");
        }

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

            drawBackground(g);
            drawAxesAndGrid(g);

            // Three runs of one loss curve: a fast learner, a slow one, and one that plateaus higher.
            drawCurve(g, new Color(0x4FC3F7), 5.0, 0.10, 0.0);
            drawCurve(g, new Color(0xFFB74D), 2.6, 0.22, 1.3);
            drawCurve(g, new Color(0x81C784), 1.6, 0.38, 2.1);
        } finally {
            g.dispose();
        }

        ImageIO.write(image, "png", output.toFile());
    }

    private static void drawBackground(Graphics2D g) {
        RoundRectangle2D square = new RoundRectangle2D.Double(
                MARGIN, MARGIN, SIZE - 2.0 * MARGIN, SIZE - 2.0 * MARGIN, CORNER_ARC, CORNER_ARC);
        g.setPaint(new GradientPaint(0, MARGIN, new Color(0x2B3440), 0, SIZE - MARGIN, new Color(0x161B22)));
        g.fill(square);

        g.setPaint(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(2f));
        g.draw(square);
    }

    private static void drawAxesAndGrid(Graphics2D g) {
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(new Color(255, 255, 255, 28));
        int gridLines = 4;
        for (int i = 1; i < gridLines; i++) {
            int y = PLOT_TOP + (PLOT_BOTTOM - PLOT_TOP) * i / gridLines;
            g.drawLine(PLOT_LEFT, y, PLOT_RIGHT, y);
        }

        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xAAB4C0));
        g.drawLine(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, PLOT_BOTTOM);
        g.drawLine(PLOT_LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM);
    }

    /**
     * Draws one decaying curve {@code floor + (1 - floor) * exp(-rate * x)} over x in [0, 1], with a small
     * fixed wobble so it reads as measured data rather than a formula.
     *
     * @param rate decay rate, so larger values reach the floor sooner
     * @param floor the level the curve settles at, as a fraction of the plot height
     * @param phase shifts the wobble so the three curves do not wobble in step
     */
    private static void drawCurve(Graphics2D g, Color color, double rate, double floor, double phase) {
        int steps = 60;
        double width = PLOT_RIGHT - PLOT_LEFT - 6.0;
        double height = PLOT_BOTTOM - PLOT_TOP - 8.0;

        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i <= steps; i++) {
            double x = (double) i / steps;
            double value = floor + (1 - floor) * Math.exp(-rate * x);
            double wobble = 0.025 * Math.sin(23 * x + phase) * (1 - 0.5 * x);
            double px = PLOT_LEFT + 6 + x * width;
            double py = PLOT_BOTTOM - 6 - (value + wobble) * height;
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }

        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(color);
        g.draw(path);
    }
}
