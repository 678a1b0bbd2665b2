package org.runbench.sync.local;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A results file reached through a {@link LocalRunReader.SourceOpener}, such as a sample inside the
 * application jar. Its folder cannot be listed, so {@link #foldersBeside()} is always empty.
 */
final class ResourceResultFile implements ResultFile {

    private final String identityPrefix;
    private final String relativePath;
    private final LocalRunReader.SourceOpener opener;

    /**
     * @param identityPrefix text that keeps task ids of different sources apart, such as the project name
     * @param relativePath   the file's path below the source root, separated by {@code /}
     */
    ResourceResultFile(String identityPrefix, String relativePath, LocalRunReader.SourceOpener opener) {
        this.identityPrefix = identityPrefix;
        this.relativePath = relativePath;
        this.opener = opener;
    }

    @Override
    public String displayPath() {
        return relativePath;
    }

    @Override
    public List<String> segments() {
        return Arrays.stream(relativePath.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }

    @Override
    public String identity() {
        return identityPrefix + ":" + relativePath;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream stream = opener.open(relativePath);
        if (stream == null) {
            throw new ImportException(relativePath, ImportException.NO_LINE, null, "the file was not found",
                    "Check the path in the list of files to import, then import again.");
        }
        return stream;
    }

    @Override
    public InputStream openBeside(String siblingPath) throws IOException {
        return opener.open(displayPathBeside(siblingPath));
    }

    @Override
    public String displayPathBeside(String siblingPath) {
        int slash = relativePath.lastIndexOf('/');
        return relativePath.substring(0, slash + 1) + siblingPath;
    }

    @Override
    public List<String> foldersBeside() {
        return List.of();
    }

    @Override
    public Instant lastModified() {
        return null;
    }
}
