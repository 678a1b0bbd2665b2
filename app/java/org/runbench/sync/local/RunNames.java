package org.runbench.sync.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Names imported runs after their paths and derives their stable task ids. */
final class RunNames {

    private RunNames() {
    }

    /**
     * Returns whether {@code fileName} is the name a tool always gives its results file
     * ({@code results.csv}, {@code monitor.csv}, {@code <rank>.monitor.csv}, {@code trainer_state.json}),
     * which then carries no information about the run.
     */
    static boolean isUsualFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.equals("results.csv") || lower.equals("trainer_state.json") || lower.equals("monitor.csv")
                || lower.endsWith(".monitor.csv");
    }

    /**
     * Names each run after the shortest end of its path, counted in folders, that no other run of the
     * list ends with. A usual file name is left out, and any other file name is kept with its folder. For example the four paths
     * {@code <algo>/CartPole-v1_1/0.monitor.csv} give {@code a2c/CartPole-v1_1}, {@code dqn/CartPole-v1_1}
     * and so on. Two results files in the same folder keep their file names, such as
     * {@code run/0.monitor.csv} and {@code run/1.monitor.csv}.
     *
     * @param paths the folders and file name of each run, outermost first, with no two lists equal
     * @return one name per path, segments joined with {@code /}
     */
    static List<String> uniqueNames(List<List<String>> paths) {
        List<List<String>> shortened = new ArrayList<>();
        for (List<String> path : paths) {
            shortened.add(withoutUsualFileName(path));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            List<String> own = shortened.get(i);
            List<List<String>> candidates = shortened;
            // A kept file name comes with its folder, so the name still says which run it is.
            int minimumSegments = own.size() == paths.get(i).size() ? Math.min(2, own.size()) : 1;
            if (occurrences(shortened, own) > 1) {
                // Another results file is in the same folder, so only the file name distinguishes them.
                own = paths.get(i);
                candidates = paths;
                minimumSegments = Math.min(2, own.size());
            }
            names.add(String.join("/", shortestUniqueEnd(own, candidates, minimumSegments)));
        }
        return names;
    }

    private static List<String> withoutUsualFileName(List<String> path) {
        if (path.size() > 1 && isUsualFileName(path.get(path.size() - 1))) {
            return path.subList(0, path.size() - 1);
        }
        return path;
    }

    private static int occurrences(List<List<String>> paths, List<String> path) {
        int count = 0;
        for (List<String> other : paths) {
            if (other.equals(path)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> shortestUniqueEnd(List<String> own, List<List<String>> all, int minimumSegments) {
        for (int length = minimumSegments; length < own.size(); length++) {
            List<String> end = own.subList(own.size() - length, own.size());
            int endings = 0;
            for (List<String> other : all) {
                if (other.size() >= length && other.subList(other.size() - length, other.size()).equals(end)) {
                    endings++;
                }
            }
            if (endings == 1) {
                return end;
            }
        }
        return own;
    }

    /** Returns {@code local-} and the first 16 hex digits of the SHA-256 of {@code identity} in UTF-8. */
    static String taskId(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "local-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
