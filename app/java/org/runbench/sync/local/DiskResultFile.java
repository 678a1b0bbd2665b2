package org.runbench.sync.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A results file on disk, identified by its real path. */
final class DiskResultFile implements ResultFile {

    private final Path path;

    DiskResultFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    @Override
    public String displayPath() {
        return path.toString();
    }

    @Override
    public List<String> segments() {
        List<String> segments = new ArrayList<>();
        for (Path name : path) {
            segments.add(name.toString());
        }
        return segments;
    }

    /**
     * Returns the file's real path, with symbolic links resolved, so the same file imported through a link
     * and through its own path is the same run. Falls back to the absolute path when the real one cannot be
     * read.
     */
    @Override
    public String identity() {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public InputStream openBeside(String relativePath) throws IOException {
        Path sibling = path.resolveSibling(relativePath);
        return Files.isRegularFile(sibling) ? Files.newInputStream(sibling) : null;
    }

    @Override
    public String displayPathBeside(String relativePath) {
        return path.resolveSibling(relativePath).toString();
    }

    @Override
    public List<String> foldersBeside() throws IOException {
        Path folder = path.getParent();
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public Instant lastModified() throws IOException {
        return Files.getLastModifiedTime(path).toInstant();
    }
}
