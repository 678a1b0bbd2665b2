package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runbench.charts.MetricChartFactoryTest.randomRun;
import static org.runbench.charts.MetricChartFactoryTest.run;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.SeriesKey;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartExportTest {

    private static final SeriesKey LOSS = new SeriesKey("train", "loss");

    @TempDir
    Path folder;

    @Test
    void pngHasRequestedSize() throws Exception {
        MetricChart chart = threeRunChart();
        Path file = folder.resolve("loss.png");

        ChartExport.writePng(chart.chart(), file, 640, 360);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }

    @Test
    void svgHasOnePathPerRun() throws Exception {
        MetricChart chart = threeRunChart();
        Path file = folder.resolve("loss.svg");

        ChartExport.writeSvg(chart.chart(), file, 640, 360);

        Document document = parseXml(file);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        for (int run = 0; run < 3; run++) {
            assertThat(pathsStrokedWith(document, ColorPalette.color(run)))
                    .as("paths drawn in the colour of run %d", run).isEqualTo(1);
        }
    }

    @Test
    void gridPngHasColumnsTimesCells() throws Exception {
        List<MetricChart> charts = List.of(threeRunChart(), threeRunChart(), threeRunChart());
        ChartGrid grid = new ChartGrid(charts, 2, 300, 200);
        Path file = folder.resolve("grid.png");

        grid.writePng(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void gridSvgHasPathPerRunAndChart() throws Exception {
        List<MetricChart> charts = List.of(threeRunChart(), threeRunChart());
        ChartGrid grid = new ChartGrid(charts, 4, 300, 200);
        Path file = folder.resolve("grid.svg");

        grid.writeSvg(file);

        Document document = parseXml(file);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(document.getDocumentElement().getAttribute("width"))).isEqualTo(600.0);
        assertThat(pathsStrokedWith(document, ColorPalette.color(0))).isEqualTo(2);
    }

    @Test
    void gridDecimatesEachChartToCellWidth() {
        MetricChart chart = MetricChartFactory.create(LOSS, List.of(randomRun("a", 0, 200_000, 5)),
                ChartOptions.defaults(2_000));
        ChartGrid grid = new ChartGrid(List.of(chart), 1, 250, 150);

        grid.toImage();

        assertThat(chart.shownLines().pixelWidth()).isEqualTo(250);
        assertThat(chart.chart().getXYPlot().getDataset(0).getItemCount(0)).isLessThanOrEqualTo(4 * 250);
    }

    @Test
    void gridRejectsFiveColumns() {
        assertThatThrownBy(() -> new ChartGrid(List.of(), 5, 300, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a chart grid has 1 to 4 columns, got 5.");
    }

    @Test
    void writeToMissingFolderNamesFile() {
        MetricChart chart = threeRunChart();
        Path file = folder.resolve("missing").resolve("loss.svg");

        assertThatThrownBy(() -> ChartExport.writeSvg(chart.chart(), file, 640, 360))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Could not write chart file " + file + ": ")
                .hasMessageEndingWith(". Check that the folder exists and is writable.");
    }

    private static MetricChart threeRunChart() {
        return MetricChartFactory.create(LOSS, List.of(
                run("a", 0, 5, 4, 3, 2.5, 2),
                run("b", 1, 6, 5, 4.5, 4, 3.8),
                run("c", 2, 4, 3.5, 3.4, 3, 1)), ChartOptions.defaults(600));
    }

    private static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JFreeSVG writes a DOCTYPE naming the W3C DTD; never fetch it, so the test stays off the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(Files.newInputStream(file));
    }

    /**
     * Counts data lines drawn in {@code color}: {@code <path>} elements of three or more vertices inside a
     * group whose style strokes that colour, as JFreeSVG writes them. The legend sample is a two-vertex
     * path and is not counted.
     */
    private static int pathsStrokedWith(Document document, Color color) {
        String stroke = "stroke:" + rgb(color) + ";";
        NodeList paths = document.getElementsByTagName("path");
        int count = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            Element group = (Element) path.getParentNode();
            boolean inColor = group.getAttribute("style").contains(stroke);
            boolean isLine = path.getAttribute("d").split("L", -1).length >= 3;
            if (inColor && isLine) {
                count++;
            }
        }
        return count;
    }

    private static String rgb(Color color) {
        return "rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")";
    }
}
