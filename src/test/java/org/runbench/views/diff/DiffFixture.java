package org.runbench.views.diff;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runbench.cache.RunCache;
import org.runbench.model.Run;
import org.runbench.sync.Progress;
import org.runbench.sync.local.LocalImportService;
import org.runbench.sync.local.LocalRunReader;
import org.runbench.views.RunRow;

/** Imports the hand-made diff runs into a real cache and returns them as rows of the runs table. */
final class DiffFixture {

    /** Keys whose values differ between the hand-made runs {@code base}, {@code tuned} and {@code typed}. */
    static final List<String> DIFFERING_KEYS = List.of("opt/lr", "opt/batch_size", "opt/prompt", "opt/warmup_epochs",
            "opt/dataset_description", "augment/mixup", "Configuration/opt.yaml");

    /** Keys whose values are equal in the three hand-made runs. */
    static final List<String> EQUAL_KEYS = List.of("opt/optimizer", "opt/seed", "opt/note", "augment/mosaic");

    private DiffFixture() {
    }

    /** Imports the runs into {@code cache} and returns them in the order base, tuned, typed. */
    static List<RunRow> importHandmade(RunCache cache) throws Exception {
        new LocalImportService(cache, new LocalRunReader()).importPaths(List.of(handmadeFolder()), Progress.NONE);
        List<RunRow> rows = new ArrayList<>();
        for (String name : List.of("base", "tuned", "typed")) {
            Run run = cache.allRuns().stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("run " + name + " was not imported"));
            rows.add(RunRow.of(run, cache.summaries(run.id())));
        }
        return rows;
    }

    private static Path handmadeFolder() throws URISyntaxException {
        return Path.of(DiffFixture.class.getResource("/diff/handmade").toURI());
    }
}
