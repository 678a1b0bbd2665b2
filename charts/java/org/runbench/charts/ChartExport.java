package org.runbench.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts to PNG and SVG files without a display, so it works with {@code -Djava.awt.headless=true}.
 *
 * <p>Drawing reads the chart's datasets, so call these methods on the thread that owns the chart.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /** Writes {@code chart} as a PNG image of {@code width} x {@code height} pixels. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        writePng(file, renderImage((g2, area) -> chart.draw(g2, area), width, height));
    }

    /** Writes {@code chart} as an SVG document of {@code width} x {@code height} pixels. */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        writeSvg(file, renderSvg((g2, area) -> chart.draw(g2, area), width, height));
    }

    /** Something that draws itself into an area of a graphics context. */
    @FunctionalInterface
    interface Drawing {
        void draw(Graphics2D g2, Rectangle2D area);
    }

    static BufferedImage renderImage(Drawing drawing, int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            drawing.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    static String renderSvg(Drawing drawing, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        drawing.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGDocument();
    }

    static void writePng(Path file, BufferedImage image) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer is installed in this Java runtime, so " + file
                        + " could not be written. Use a full JDK or write SVG instead.");
            }
        } catch (IOException e) {
            throw writeFailed(file, e);
        }
    }

    static void writeSvg(Path file, String svg) throws IOException {
        try {
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw writeFailed(file, e);
        }
    }

    private static IOException writeFailed(Path file, IOException cause) {
        return new IOException("Could not write chart file " + file + ": " + cause.getMessage()
                + ". Check that the folder exists and is writable.", cause);
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1 x 1 pixels, got " + width + " x "
                    + height + ".");
        }
    }
}
