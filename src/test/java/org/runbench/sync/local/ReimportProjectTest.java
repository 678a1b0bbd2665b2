package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.RunCache;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.sync.ImportService.ImportReport;
import org.runbench.sync.Progress;

/** A file imported again on its own stays in the project of the folder it was first imported with. */
class ReimportProjectTest {

    @TempDir
    Path folder;

    @Test
    void reimportedFileKeepsItsProject() throws IOException {
        Path experiments = folder.resolve("experiments");
        for (String run : List.of("r1", "r2")) {
            Files.createDirectories(experiments.resolve(run));
            Files.writeString(experiments.resolve(run).resolve("results.csv"), "epoch,loss\n0,1.0\n1,0.5\n");
        }
        try (RunCache cache = RunCache.open(folder.resolve("cache"))) {
            LocalImportService service = new LocalImportService(cache, new LocalRunReader());
            service.importPaths(List.of(experiments), Progress.NONE);
            List<Run> before = cache.allRuns();

            Files.writeString(experiments.resolve("r1").resolve("results.csv"), "epoch,loss\n0,1.0\n1,0.5\n2,0.25\n");
            ImportReport report = service.importPaths(List.of(experiments.resolve("r1").resolve("results.csv")),
                    Progress.NONE);

            assertThat(report.runs()).singleElement().satisfies(run -> assertThat(run.project()).isEqualTo("experiments"));
            assertThat(cache.allRuns()).extracting(Run::projectId)
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(Run::projectId).toList());
            assertThat(cache.projects()).extracting(Project::name).containsExactly("experiments");
        }
    }

    @Test
    void fileReachedThroughLinkIsSameRun() throws IOException {
        Path experiments = folder.resolve("experiments").resolve("r1");
        Files.createDirectories(experiments);
        Files.writeString(experiments.resolve("results.csv"), "epoch,loss\n0,1.0\n1,0.5\n");
        Path link = Files.createSymbolicLink(folder.resolve("link"), folder.resolve("experiments"));
        try (RunCache cache = RunCache.open(folder.resolve("cache"))) {
            LocalImportService service = new LocalImportService(cache, new LocalRunReader());
            service.importPaths(List.of(experiments.resolve("results.csv")), Progress.NONE);

            ImportReport again = service.importPaths(List.of(link.resolve("r1").resolve("results.csv")), Progress.NONE);

            assertThat(cache.allRuns()).hasSize(1);
            assertThat(again.runs()).singleElement().satisfies(run -> assertThat(run.pointsWritten()).isZero());
        }
    }
}
