package org.runbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.runbench.cache.RunCache;
import org.runbench.sync.ImportService;
import org.runbench.sync.Progress;
import org.runbench.sync.local.LocalImportService;
import org.runbench.sync.local.LocalRunReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runbench import}: reads local results files and folders into the cache. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import local training-run files into the cache, one run per results file.",
                "Reads CSV with a step or epoch column (YOLO results.csv, Keras CSVLogger), Stable-Baselines3 monitor.csv,"
                        + " Hugging Face trainer_state.json and JSON lines. A folder is searched for results files and becomes"
                        + " a project. Importing a file again adds only the points it did not have."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Results files or folders of runs.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunCache cache = parent.openCache()) {
            LocalImportService service = new LocalImportService(cache, new LocalRunReader());
            ImportService.ImportReport report;
            try {
                report = service.importPaths(paths, Progress.NONE);
            } catch (ImportService.ImportFailure e) {
                throw new CliFailure(e.getMessage() + " Nothing was written to the cache.", e);
            }
            for (ImportService.ImportedRun run : report.runs()) {
                out.printf("%-9s %s  %s (project %s): %d new points%n", outcomeLabel(run.outcome()), run.taskId(), run.name(),
                        run.project(), run.pointsWritten());
            }
            out.printf("Imported %d run%s, %d new point%s, into %s%n", report.runs().size(), report.runs().size() == 1 ? "" : "s",
                    report.pointsWritten(), report.pointsWritten() == 1 ? "" : "s", cache.directory());
        }
        return Cli.OK;
    }

    private static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "NEW" -> "new";
            case "GROWN" -> "grown";
            case "REPLACED" -> "replaced";
            default -> "unchanged";
        };
    }
}
