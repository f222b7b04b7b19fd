package io.camaudit.shared.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server so that it needs no script: each bar labelled
 * with its value, the whole with a title and description for screen readers (the page puts the
 * same figures in a table beside it). Text is escaped; colours are GOV.UK's.
 */
public final class BarChart {

    /** One bar: its label, its value, and the words for its value ("61%", "1,234"). */
    public record Bar(String label, double value, String shown) {}

    private static final int ROW = 28;
    private static final int LABEL = 260;
    private static final int WIDTH = 720;

    private BarChart() {}

    /** The chart of {@code bars} on a scale to {@code max} (100 for shares), titled. */
    public static String svg(String id, String title, List<Bar> bars, double max) {
        int height = ROW * bars.size() + 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"camaudit-chart\" id=\"")
                .append(escape(id))
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"")
                .append(escape(id))
                .append("-title ")
                .append(escape(id))
                .append("-desc\"><title id=\"")
                .append(escape(id))
                .append("-title\">")
                .append(escape(title))
                .append("</title><desc id=\"")
                .append(escape(id))
                .append("-desc\">");
        for (int i = 0; i < bars.size(); i++) {
            s.append(i == 0 ? "" : "; ")
                    .append(escape(bars.get(i).label()))
                    .append(": ")
                    .append(escape(bars.get(i).shown()));
        }
        s.append("</desc>");
        double scale = max <= 0 ? 0 : (WIDTH - LABEL - 70) / max;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * ROW;
            double w = Math.max(0, Math.min(max, bar.value())) * scale;
            s.append("<text x=\"0\" y=\"")
                    .append(y + 18)
                    .append("\" font-size=\"14\" fill=\"#0b0c0c\">")
                    .append(escape(shorten(bar.label())))
                    .append("</text><rect x=\"")
                    .append(LABEL)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" height=\"18\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", w))
                    .append("\" fill=\"#1d70b8\"/><text x=\"")
                    .append(String.format(Locale.ROOT, "%.1f", LABEL + w + 6))
                    .append("\" y=\"")
                    .append(y + 18)
                    .append("\" font-size=\"14\" fill=\"#0b0c0c\">")
                    .append(escape(bar.shown()))
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String shorten(String label) {
        return label.length() > 34 ? label.substring(0, 33) + "…" : label;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
