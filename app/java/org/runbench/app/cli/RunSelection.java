package org.runbench.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbench.cache.RunCache;
import org.runbench.model.Run;
import org.runbench.model.SeriesKey;
import org.runbench.model.SeriesSummary;

/** Resolves RUN arguments (task id or unique run name) and metric filters against the cache. */
final class RunSelection {

    private RunSelection() {
    }

    static List<Run> resolve(RunCache cache, List<String> arguments) {
        Set<Run> runs = new LinkedHashSet<>();
        for (String argument : arguments) {
            List<Run> matches = cache.findRuns(argument);
            if (matches.isEmpty()) {
                throw new CliFailure("No cached run has the id or name '" + argument
                        + "'. List the cached runs with 'runbench runs', or import or sync the run first.");
            }
            if (matches.size() > 1) {
                List<String> ids = new ArrayList<>();
                matches.forEach(run -> ids.add(run.id().taskId() + " (" + run.name() + ")"));
                throw new CliFailure("The name '" + argument + "' matches " + matches.size() + " runs: "
                        + String.join(", ", ids) + ". Give the run id instead.");
            }
            runs.add(matches.get(0));
        }
        return new ArrayList<>(runs);
    }

    static Pattern metricPattern(picocli.CommandLine.Model.CommandSpec spec, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw usageError(spec, "The metric filter '" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + ". Use for example --metric 'loss' or --metric '^val/'.");
        }
    }

    /** Returns an exception for an option value that is invalid as typed; the command line exits with 2. */
    static picocli.CommandLine.ParameterException usageError(picocli.CommandLine.Model.CommandSpec spec, String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Returns whether {@code key} matches the filter: a find on {@code metric/variant}; null matches all. */
    static boolean matches(Pattern pattern, SeriesKey key) {
        return pattern == null || pattern.matcher(key.label()).find();
    }

    static List<SeriesKey> matchingKeys(RunCache cache, Run run, Pattern pattern) {
        List<SeriesKey> keys = new ArrayList<>();
        for (SeriesSummary summary : cache.summaries(run.id())) {
            if (matches(pattern, summary.key())) {
                keys.add(summary.key());
            }
        }
        return keys;
    }
}
