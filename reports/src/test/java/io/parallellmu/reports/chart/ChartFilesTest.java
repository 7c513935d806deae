package io.parallellmu.reports.chart;

import io.parallellmu.vocabulary.Split;

import io.parallellmu.vocabulary.ModelFamily;
import io.parallellmu.vocabulary.TaskId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parallellmu.reports.SpeedFixtures;
import io.parallellmu.reports.schema.LearningCurvePoint;
import io.parallellmu.reports.schema.RunKey;
import io.parallellmu.reports.schema.SpeedResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Every chart is written as a readable PNG and a well-formed SVG. */
class ChartFilesTest {

    private static final byte[] PNG_SIGNATURE =
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir Path dir;

    @Test
    void learningCurvesGetOneChartPerTaskAndMetricWithALinePerFamilySeedAndSplit()
            throws Exception {
        List<LearningCurvePoint> points = new ArrayList<>();
        for (ModelFamily model : List.of(ModelFamily.LMU, ModelFamily.LSTM)) {
            for (long seed = 1; seed <= 2; seed++) {
                RunKey run = new RunKey(TaskId.PSMNIST, model, "quick", seed);
                for (int epoch = 1; epoch <= 4; epoch++) {
                    points.add(LearningCurvePoint.of(run, epoch, Split.TRAIN, "loss", 2.0 / epoch));
                    points.add(LearningCurvePoint.of(run, epoch, Split.VALIDATION, "accuracy",
                            0.5 + 0.1 * epoch - 0.01 * seed));
                }
            }
        }
        points.add(LearningCurvePoint.of(new RunKey(TaskId.TEXT8, ModelFamily.LMU, "quick", 1),
                1, Split.VALIDATION, "bpc", 2.5));
        Map<TaskId, List<ChartFiles>> charts = LearningCurveChart.writeAll(points, dir);

        assertEquals(List.of("psmnist-loss", "psmnist-accuracy"), charts.get(TaskId.PSMNIST)
                .stream().map(chart -> chart.png().getFileName().toString().replace(".png", ""))
                .toList());
        assertEquals(1, charts.get(TaskId.TEXT8).size());
        for (List<ChartFiles> task : charts.values()) {
            for (ChartFiles chart : task) {
                assertValidPng(chart.png());
                assertValidSvg(chart.svg());
            }
        }
        XYChart accuracy = LearningCurveChart.build(TaskId.PSMNIST, "accuracy", points);
        assertEquals("accuracy (%)", accuracy.getYAxisTitle());
        assertEquals("epoch", accuracy.getXAxisTitle());
        assertEquals(List.of("Parallel LMU seed 1 valid", "Parallel LMU seed 2 valid",
                "LSTM seed 1 valid", "LSTM seed 2 valid"),
                new ArrayList<>(accuracy.getSeriesMap().keySet()));
        assertEquals(89.0, accuracy.getSeriesMap().get("LSTM seed 1 valid").getYData()[3], 1e-9);
    }

    @Test
    void errorMetricsSpanningMoreThanTenfoldGetALogarithmicAxis() {
        RunKey lmu = new RunKey(TaskId.MACKEY_GLASS, ModelFamily.LMU, "paper", 1);
        RunKey lstm = new RunKey(TaskId.MACKEY_GLASS, ModelFamily.LSTM, "paper", 1);
        List<LearningCurvePoint> points = new ArrayList<>();
        for (int epoch = 1; epoch <= 5; epoch++) {
            points.add(LearningCurvePoint.of(lmu, epoch, Split.VALIDATION, "nrmse", 2.0 / Math.pow(epoch, 2.5))); // 2 to 0.036
            points.add(LearningCurvePoint.of(lstm, epoch, Split.VALIDATION, "nrmse", 0.9 / epoch)); // 0.9 to 0.18
            points.add(LearningCurvePoint.of(lmu, epoch, Split.VALIDATION, "accuracy", 0.05 * epoch)); // a score, not an error
        }
        assertTrue(LearningCurveChart.build(TaskId.MACKEY_GLASS, "nrmse", points).getStyler().isYAxisLogarithmic(),
                "NRMSE from 2 down to 0.036");
        List<LearningCurvePoint> lstmOnly = points.stream().filter(p -> p.model() == ModelFamily.LSTM).toList();
        assertFalse(LearningCurveChart.build(TaskId.MACKEY_GLASS, "nrmse", lstmOnly).getStyler().isYAxisLogarithmic(),
                "0.9 down to 0.18 spans only 5x");
        assertFalse(LearningCurveChart.build(TaskId.MACKEY_GLASS, "accuracy", points).getStyler().isYAxisLogarithmic());
    }

    @Test
    void speedChartIsLogLogWithALinePerConfigurationAndMode() throws Exception {
        List<SpeedResult> study = SpeedFixtures.study();
        XYChart chart = SpeedChart.build(study).orElseThrow();
        assertEquals("1024", chart.getStyler().getxAxisTickLabelsFormattingFunction().apply(10.0));
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertEquals(List.of("lmu-final MATMUL", "lmu-final RECURRENT", "lstm-128 DJL"),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        assertArrayEquals(new double[] {8, Math.log(784) / Math.log(2)},
                chart.getSeriesMap().get("lmu-final RECURRENT").getXData(), 1e-12);
        assertEquals("256", SpeedChart.powerOfTwoLabel(8.0));
        assertEquals(" ", SpeedChart.powerOfTwoLabel(8.5));

        ChartFiles files = SpeedChart.write(study, dir).orElseThrow();
        assertValidPng(files.png());
        assertValidSvg(files.svg());
    }

    @Test
    void noSpeedChartWithoutAMeasuredRow() throws IOException {
        List<SpeedResult> skippedOnly = SpeedFixtures.study().stream()
                .filter(row -> !row.isMeasured()).toList();
        assertEquals(Optional.empty(), SpeedChart.write(skippedOnly, dir));
        assertEquals(0, dir.toFile().list().length);
    }

    private static void assertValidPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " is only " + bytes.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length));
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a readable image");
        assertEquals(960, image.getWidth());
        assertEquals(540, image.getHeight());
    }

    private static void assertValidSvg(Path file) throws Exception {
        assertTrue(Files.size(file) > 1000, file + " is only " + Files.size(file) + " bytes");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader(""))); // no DTD fetch
        Document svg = builder.parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertTrue(svg.getElementsByTagNameNS("*", "path").getLength()
                + svg.getElementsByTagNameNS("*", "polyline").getLength() > 0,
                file + " draws nothing");
    }
}
