package org.guichet.testing;

import java.util.Map;

/** Reads samples out of /q/metrics (Prometheus' text format) for tests that check a metric moved. */
public final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code name} whose labels include all of {@code labels} (0 when there is
     * none), e.g. {@code value(text, "guichet_emails_total", Map.of("outcome", "sent"))}.
     */
    public static double value(String text, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            String labelPart = "";
            if (rest.startsWith("{")) {
                int end = rest.indexOf('}');
                labelPart = rest.substring(1, end);
                rest = rest.substring(end + 1);
            } else if (!rest.startsWith(" ")) {
                continue; // another metric whose name starts with this one
            }
            String part = labelPart;
            boolean matches = labels.entrySet().stream()
                    .allMatch(l -> part.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(rest.trim().split(" ")[0]);
            }
        }
        return sum;
    }
}
