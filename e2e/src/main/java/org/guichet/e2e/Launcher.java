package org.guichet.e2e;

import org.guichet.testing.infra.InfraPaths;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./guichet} as a user does, for a suite of its own ({@code GUICHET_ENV}) on the jars already built. */
public final class Launcher {
    private Launcher() {
    }

    /** The exit code of {@code ./guichet command…} with {@code env} set; -1 when it hangs for ten minutes. */
    public static int run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path root = InfraPaths.root();
        List<String> line = new ArrayList<>(List.of(root.resolve("guichet").toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(root.toFile()).inheritIO();
        pb.environment().put("GUICHET_SKIP_BUILD", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
