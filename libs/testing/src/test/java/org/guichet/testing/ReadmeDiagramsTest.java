package org.guichet.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadmeDiagramsTest {
    private static final String DIAGRAM = "stateDiagram-v2\n    A --> B\n";

    @Test
    void addsTheSectionOnceThenReplacesOnlyTheBlock(@TempDir Path dir) throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"), "# svc\n\nText.\n");
        ReadmeDiagrams.sync(readme, List.of(DIAGRAM), false);
        String first = Files.readString(readme);
        assertEquals("# svc\n\nText.\n\n## State diagrams\n\n" + ReadmeDiagrams.START + "\n"
                + "<!-- written by the state-table tests from each lifecycle's Transitions; do not edit -->\n"
                + "\n```mermaid\nstateDiagram-v2\n    A --> B\n```\n" + ReadmeDiagrams.END + "\n", first);

        Files.writeString(readme, first + "\n## After\n");
        ReadmeDiagrams.sync(readme, List.of("stateDiagram-v2\n    A --> C"), false);
        String second = Files.readString(readme);
        assertEquals(first.replace("A --> B", "A --> C") + "\n## After\n", second);
    }

    @Test
    void checkFailsOnADriftedBlockAndPassesOnACurrentOne(@TempDir Path dir) throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"), "# svc\n");
        assertThrows(AssertionError.class, () -> ReadmeDiagrams.sync(readme, List.of(DIAGRAM), true));
        assertEquals("# svc\n", Files.readString(readme), "a check writes nothing");
        ReadmeDiagrams.sync(readme, List.of(DIAGRAM), false);
        ReadmeDiagrams.sync(readme, List.of(DIAGRAM), true);
        assertThrows(AssertionError.class, () -> ReadmeDiagrams.sync(readme, List.of("stateDiagram-v2\n"), true));
    }
}
