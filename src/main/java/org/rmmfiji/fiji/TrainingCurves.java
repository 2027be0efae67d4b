package org.rmmfiji.fiji;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.JComponent;

/**
 * The live training view: the training loss (log scale) and the scored snapshots' validation score and Γ against
 * training time, the snapshot the selector would keep if stopped now (by the user's selection metric) ringed, rejected
 * snapshots as crosses. A new fit (time starting again, as in a batch or an ensemble) clears it. It is fed from the
 * training thread and painted on Swing's; {@link #render} draws it off screen (for tests and headless figures).
 */
final class TrainingCurves extends JComponent {
    private static final long serialVersionUID = 1L;

    private final List<double[]> loss = new ArrayList<>();       // {seconds, loss}
    private final List<double[]> snapshots = new ArrayList<>();  // {seconds, validation score, Γ, rejected 0/1}
    private int best = -1;

    TrainingCurves() { setPreferredSize(new Dimension(460, 260)); }

    synchronized void epoch(double seconds, double value) {
        if (!loss.isEmpty() && seconds < loss.get(loss.size() - 1)[0]) clear();    // the next fit of a batch or an ensemble
        if (Double.isFinite(value) && value > 0) loss.add(new double[] {seconds, value});
        repaint();
    }

    /** A scored snapshot; {@code bestSoFar} is the selector's verdict (it knows the metric and its direction). */
    synchronized void snapshot(double seconds, double score, double gamma, boolean rejected, boolean bestSoFar) {
        snapshots.add(new double[] {seconds, score, gamma, rejected ? 1 : 0});
        if (bestSoFar) best = snapshots.size() - 1;
        repaint();
    }

    private void clear() {
        loss.clear();
        snapshots.clear();
        best = -1;
    }

    /** The index of the snapshot a stop now would keep (−1: none yet). */
    synchronized int best() { return best; }

    BufferedImage render(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        draw(g, w, h);
        g.dispose();
        return img;
    }

    @Override
    protected void paintComponent(Graphics g) {
        draw((Graphics2D) g, getWidth(), getHeight());
    }

    private synchronized void draw(Graphics2D g, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        double tMax = 1;
        for (double[] p : loss) tMax = Math.max(tMax, p[0]);
        for (double[] p : snapshots) tMax = Math.max(tMax, p[0]);
        int left = 50, right = w - 10, mid = h / 2;
        // top: log10 of the training loss
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] p : loss) { lo = Math.min(lo, Math.log10(p[1])); hi = Math.max(hi, Math.log10(p[1])); }
        if (!(hi > lo)) { lo = Double.isFinite(lo) ? lo - 0.5 : -1; hi = lo + 1; }
        frame(g, left, 8, right, mid - 18, "training loss (log)", String.format(Locale.ROOT, "%.2g", Math.pow(10, hi)), String.format(Locale.ROOT, "%.2g", Math.pow(10, lo)));
        g.setColor(new Color(90, 90, 90));
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 1; i < loss.size(); i++)
            g.drawLine(x(loss.get(i - 1)[0], tMax, left, right), y(Math.log10(loss.get(i - 1)[1]), lo, hi, 8, mid - 18),
                    x(loss.get(i)[0], tMax, left, right), y(Math.log10(loss.get(i)[1]), lo, hi, 8, mid - 18));
        // bottom: validation selection value and Γ on [0, 1]
        int top = mid + 4, bottom = h - 22;
        frame(g, left, top, right, bottom, "validation", "1", "0");
        for (int i = 0; i < snapshots.size(); i++) {
            double[] s = snapshots.get(i);
            int px = x(s[0], tMax, left, right);
            if (s[3] != 0) {
                g.setColor(new Color(200, 30, 30));
                int py = bottom - 6;
                g.drawLine(px - 4, py - 4, px + 4, py + 4);
                g.drawLine(px - 4, py + 4, px + 4, py - 4);
                continue;
            }
            if (Double.isFinite(s[2])) {
                g.setColor(Figures.PALETTE[1]);
                int py = y(clamp(s[2]), 0, 1, top, bottom);
                g.fillRect(px - 3, py - 3, 6, 6);
            }
            if (Double.isFinite(s[1])) {
                g.setColor(Figures.PALETTE[0]);
                int py = y(clamp(s[1]), 0, 1, top, bottom);
                g.fillOval(px - 3, py - 3, 7, 7);
                if (i == best) {
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(2f));
                    g.drawOval(px - 7, py - 7, 15, 15);
                }
            }
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.0f s", tMax), right - 40, h - 6);
        g.drawString("0", left, h - 6);
        g.setColor(Figures.PALETTE[0]);
        g.drawString("● validation score", left + 60, h - 6);
        g.setColor(Figures.PALETTE[1]);
        g.drawString("■ Γ", left + 180, h - 6);
        g.setColor(Color.BLACK);
        g.drawString("○ kept if stopped now", left + 225, h - 6);
    }

    private static double clamp(double v) { return Math.max(0, Math.min(1, v)); }

    private static void frame(Graphics2D g, int x0, int y0, int x1, int y1, String label, String high, String low) {
        g.setColor(new Color(235, 235, 235));
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, x1 - x0, y1 - y0);
        g.setColor(Color.BLACK);
        g.drawString(label, x0 + 5, y0 + 13);
        g.drawString(high, 4, y0 + 10);
        g.drawString(low, 4, y1);
    }

    private static int x(double t, double tMax, int left, int right) { return left + (int) Math.round(t / tMax * (right - left)); }

    private static int y(double v, double lo, double hi, int top, int bottom) { return bottom - (int) Math.round((v - lo) / (hi - lo) * (bottom - top)); }
}
