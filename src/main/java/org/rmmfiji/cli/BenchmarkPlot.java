package org.rmmfiji.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;

/**
 * The benchmark's picture of how cost grows: teacher-forcing throughput against model size (each kernel and thread
 * count a line, the Python peers as points at the LP–PD model's size) beside throughput against training data length.
 */
final class BenchmarkPlot {
    private BenchmarkPlot() {}

    /** One line of points. */
    static final class Series {
        final String label;
        final List<double[]> points = new ArrayList<>();

        Series(String label) { this.label = label; }

        void add(double x, double y) { points.add(new double[] {x, y}); }
    }

    private static final java.awt.Color[] COLOURS = {java.awt.Color.BLACK, java.awt.Color.RED, java.awt.Color.BLUE,
        new java.awt.Color(0, 140, 0), java.awt.Color.MAGENTA, java.awt.Color.ORANGE, java.awt.Color.GRAY, java.awt.Color.CYAN};

    static void write(List<Series> bySize, List<Series> byLength, Path png) throws IOException {
        ImagePlus left = plot("Teacher forcing against model size", "parameters", bySize, false).getImagePlus();
        // lengths from seconds to an hour of data: a log axis keeps the short ones apart
        ImagePlus right = plot("Teacher forcing against data length (lp-pd)", "training samples (M)", byLength, true).getImagePlus();
        java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(left.getWidth() + right.getWidth(),
                Math.max(left.getHeight(), right.getHeight()), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = both.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left.getBufferedImage(), 0, 0, null);
        g.drawImage(right.getBufferedImage(), left.getWidth(), 0, null);
        g.dispose();
        Path tmp = png.resolveSibling(png.getFileName() + ".part");
        if (!new FileSaver(new ImagePlus("benchmark", both)).saveAsPng(tmp.toString())) throw new IOException("could not write " + png);
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Plot plot(String title, String xLabel, List<Series> series, boolean logX) {
        Plot p = new Plot(title, xLabel, "M sample-epochs/s");
        double xMin = Double.POSITIVE_INFINITY, xMax = 1e-9, yMax = 1e-9;
        for (Series s : series) for (double[] q : s.points) { xMin = Math.min(xMin, q[0]); xMax = Math.max(xMax, q[0]); yMax = Math.max(yMax, q[1]); }
        if (logX && xMin < xMax) {
            p.setLogScaleX();
            p.setLimits(xMin / 1.5, xMax * 1.5, 0, yMax * 1.15);
        } else {
            p.setLimits(0, xMax * 1.1, 0, yMax * 1.15);
        }
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            s.points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[s.points.size()], y = new double[x.length];
            for (int k = 0; k < x.length; k++) { x[k] = s.points.get(k)[0]; y[k] = s.points.get(k)[1]; }
            p.setColor(COLOURS[i % COLOURS.length]);
            p.addPoints(x, y, x.length > 1 ? Plot.CONNECTED_CIRCLES : Plot.BOX);
            legend.append(i == 0 ? "" : "\t").append(s.label);
        }
        p.setLegend(legend.toString(), Plot.AUTO_POSITION);
        return p;
    }
}
