package org.guichet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps a service README's state diagrams in step with its transition tables: the block between
 * {@value #START} and {@value #END} is rewritten from the Mermaid the tables draw. Called by each
 * service's state-table test; with {@code -Dguichet.readme.check=true} (CI) a README out of date fails
 * the test instead of being rewritten.
 */
public final class ReadmeDiagrams {
    public static final String CHECK = "guichet.readme.check";
    static final String START = "<!-- state-diagrams:start -->";
    static final String END = "<!-- state-diagrams:end -->";

    private ReadmeDiagrams() {
    }

    /** Rewrites (or, under {@value #CHECK}, checks) the module's README.md; the tests run in the module's directory. */
    public static void sync(List<String> mermaid) {
        sync(Path.of("README.md"), mermaid, Boolean.getBoolean(CHECK));
    }

    static void sync(Path readme, List<String> mermaid, boolean check) {
        try {
            String before = Files.readString(readme, StandardCharsets.UTF_8);
            String after = withBlock(before, block(mermaid));
            if (after.equals(before)) {
                return;
            }
            if (check) {
                throw new AssertionError(readme.toAbsolutePath() + ": its state diagrams are out of date; run the "
                        + "state-table tests without -D" + CHECK + " and commit the README");
            }
            Files.writeString(readme, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String block(List<String> mermaid) {
        StringBuilder out = new StringBuilder(START).append('\n')
                .append("<!-- written by the state-table tests from each lifecycle's Transitions; do not edit -->\n");
        for (String diagram : mermaid) {
            out.append("\n```mermaid\n").append(diagram.strip()).append("\n```\n");
        }
        return out.append(END).toString();
    }

    /** The README with its block replaced, or a "State diagrams" section added at the end if it has none yet. */
    static String withBlock(String readme, String block) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            return readme.stripTrailing() + "\n\n## State diagrams\n\n" + block + "\n";
        }
        return readme.substring(0, start) + block + readme.substring(end + END.length());
    }
}
