package org.runbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.runbench.cache.RunCache;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.sync.CachedRunRemoval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runbench remove}: deletes runs and everything cached about them. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove runs from the cache, with their points, hyperparameters and logs.",
                "Use it for runs deleted on the server (runs marks them) or for a run to import or sync again."
                        + " A synced run comes back at the next sync only if it changed on the server, or with sync --since."})
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    RunbenchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run ids (as 'runbench runs' prints them) or unique run names.")
    List<String> runArguments;

    @Override
    public Integer call() {
        try (RunCache cache = parent.openCache()) {
            List<Run> runs = RunSelection.resolve(cache, runArguments);
            List<RunId> ids = new ArrayList<>();
            runs.forEach(run -> ids.add(run.id()));
            new CachedRunRemoval(cache).remove(ids);
            for (Run run : runs) {
                spec.commandLine().getOut().printf("Removed %s  %s%n", run.id().taskId(), run.name());
            }
        }
        return Cli.OK;
    }
}
