package org.runbench.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to cached runs, for view models and the command line. Implementations are thread-safe
 * and may block on disk, so callers on the JavaFX thread must go through a background executor.
 */
public interface RunRepository {

    /** Returns every cached project of every server, sorted by server and name. */
    List<Project> projects();

    /** Returns the runs of one project, sorted by name. */
    List<Run> runs(String server, String projectId);

    /** Returns every cached run, sorted by server, project and name. */
    List<Run> allRuns();

    Optional<Run> run(RunId id);

    /** Returns the series of a run with their point counts and last, minimum and maximum values. */
    List<SeriesSummary> summaries(RunId id);

    /** Returns the summaries of several runs at once, keyed by run; runs without series map to an empty list. */
    Map<RunId, List<SeriesSummary>> summaries(List<RunId> ids);

    /** Returns the summaries of every run of a project at once, keyed by run. */
    default Map<RunId, List<SeriesSummary>> projectSummaries(String server, String projectId) {
        List<RunId> ids = new java.util.ArrayList<>();
        runs(server, projectId).forEach(run -> ids.add(run.id()));
        return summaries(ids);
    }

    /** Returns every point of one series at full resolution, or an empty series if it is not cached. */
    PointSeries points(RunId id, SeriesKey key);

    /**
     * Returns the series reduced to the points that draw it at screen width ({@link SeriesOverview}), when
     * that is available without reading every point; empty otherwise, and then callers read {@link #points}.
     */
    default Optional<PointSeries> overview(RunId id, SeriesKey key) {
        return Optional.empty();
    }

    List<Hyperparameter> hyperparameters(RunId id);

    List<ConfigurationItem> configuration(RunId id);
}
