package org.guichet.web.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A stacked bar chart drawn on the server as SVG: one bar per day, one colour per series (régie). No script and no
 * library: the page works on a closed network and prints. The same numbers are in a table next to it for screen
 * readers and for copying; the SVG is {@code role="img"} with a title that says what it shows.
 */
public final class BarChart {
    /** Colours told apart by people with the common colour-vision deficiencies (Okabe–Ito), 3:1 against white. */
    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    static final int WIDTH = 900;
    static final int HEIGHT = 260;
    static final int LEFT = 90;
    static final int BOTTOM = 40;
    static final int TOP = 10;

    public record Series(String name, String colour, long[] values) {
    }

    private final List<String> labels;
    private final Map<String, long[]> series = new LinkedHashMap<>();

    public BarChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    public BarChart add(String name, long[] values) {
        if (values.length != labels.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + labels.size() + " labels");
        }
        series.put(name, values.clone());
        return this;
    }

    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        int i = 0;
        for (var e : series.entrySet()) {
            out.add(new Series(e.getKey(), COLOURS.get(i++ % COLOURS.size()), e.getValue()));
        }
        return out;
    }

    /** The SVG, titled {@code title}, its axis labelled with {@code money} (minor units to text). */
    public String svg(String title, LongFunction<String> money) {
        long max = 0;
        for (int d = 0; d < labels.size(); d++) {
            long sum = 0;
            for (long[] v : series.values()) {
                sum += v[d];
            }
            max = Math.max(max, sum);
        }
        long top = niceCeiling(max);
        int plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = (WIDTH - LEFT - 10) / (double) Math.max(1, labels.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"chart-title\">")
                .append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        for (int g = 0; g <= 4; g++) {
            long value = top * g / 4;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * (top == 0 ? 0 : value / (double) top));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 10).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b1b1b\">").append(escape(money.apply(value)))
                    .append("</text>");
        }
        List<Series> all = series();
        for (int d = 0; d < labels.size(); d++) {
            double x = LEFT + d * slot + slot * 0.15;
            double w = slot * 0.7;
            long below = 0;
            for (Series s : all) {
                long v = s.values()[d];
                if (v > 0 && top > 0) {
                    int y0 = TOP + plotHeight - (int) Math.round(plotHeight * below / (double) top);
                    int y1 = TOP + plotHeight - (int) Math.round(plotHeight * (below + v) / (double) top);
                    svg.append(String.format(java.util.Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                            x, y1, w, Math.max(1, y0 - y1), s.colour(),
                            escape(labels.get(d) + " — " + s.name() + ": " + money.apply(v))));
                }
                below += v;
            }
            // every seventh day labelled, and the last one
            if (d % 7 == 0 || d == labels.size() - 1) {
                svg.append(String.format(java.util.Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">%s</text>",
                        x + w / 2, HEIGHT - BOTTOM + 16, escape(labels.get(d))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (a round top for the axis). */
    static long niceCeiling(long max) {
        if (max <= 0) {
            return 100;
        }
        long power = 1;
        while (power * 10 <= max) {
            power *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * power >= max) {
                return m * power;
            }
        }
        return 10 * power;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
