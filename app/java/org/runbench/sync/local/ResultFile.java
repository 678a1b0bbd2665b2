package org.runbench.sync.local;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * A results file to read, on disk or inside the application jar, with access to the files beside it
 * (hyperparameter files such as {@code opt.yaml}).
 */
interface ResultFile {

    /** Returns the path shown in messages and stored as the run's source path. */
    String displayPath();

    /** Returns the folders and the file name that name the run, outermost first. */
    List<String> segments();

    /** Returns the file name, the last of {@link #segments()}. */
    default String fileName() {
        List<String> segments = segments();
        return segments.get(segments.size() - 1);
    }

    /** Returns the text from which the stable task id is derived. */
    String identity();

    /** Opens the file; the caller closes the stream. */
    InputStream open() throws IOException;

    /**
     * Opens a file at {@code relativePath} (separated by {@code /}) from this file's folder.
     *
     * @return the stream, or null when there is no such file
     */
    InputStream openBeside(String relativePath) throws IOException;

    /** Returns how a file at {@code relativePath} from this file's folder appears in messages. */
    String displayPathBeside(String relativePath);

    /** Returns the names of the sub-folders of this file's folder, or an empty list when they cannot be listed. */
    List<String> foldersBeside() throws IOException;

    /** Returns the time of the last change, or null when unknown. */
    Instant lastModified() throws IOException;
}
