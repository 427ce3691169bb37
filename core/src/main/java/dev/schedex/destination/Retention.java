package dev.schedex.destination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keep-last-N for storage destinations: which files of a schedule to remove after it wrote one. Each
 * destination keeps, per schedule, the list of paths the schedule wrote, oldest first, as a small
 * text file at {@link #indexPath(UUID)} below its root (one path per line, UTF-8), and after each
 * write replaces it with {@link Pruned#kept()} and removes {@link Pruned#removed()}.
 *
 * <p>Why a list and not a listing of the folder: a template may put a schedule's files anywhere below
 * the root, among files of other schedules or of people, and only the list says which are this
 * schedule's. A run holds its schedule's lease, so no two runs of one schedule update the list at
 * once. A host that dies between writing an export and updating the list leaves that export out of
 * the list: it is never removed by retention (a file too many, never one too few).
 */
public final class Retention {

    /** The folder below each root where destinations keep their own records; templates cannot name it. */
    public static final String RECORDS_FOLDER = ".schedex";

    private Retention() {}

    /**
     * @param scheduleId the schedule
     * @return where its list is kept, relative to the root, with {@code /} between folders
     */
    public static String indexPath(UUID scheduleId) {
        return RECORDS_FOLDER + "/" + scheduleId + ".files";
    }

    /**
     * @param index the list's bytes, as {@link #encode(List)} wrote them
     * @return the paths, oldest first
     */
    public static List<String> decode(byte[] index) {
        List<String> paths = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                paths.add(line);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * @param paths the paths, oldest first
     * @return the list's bytes
     */
    public static byte[] encode(List<String> paths) {
        return String.join("\n", paths).concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param written the paths the schedule wrote before, oldest first
     * @param newest  the path it wrote now (a path written again moves to the end)
     * @param keep    how many to keep, at least 1
     * @return the list to store and the files to remove
     */
    public static Pruned afterWriting(List<String> written, String newest, int keep) {
        Objects.requireNonNull(newest, "newest");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        Set<String> files = new LinkedHashSet<>(written);
        files.remove(newest);
        files.add(newest);
        List<String> ordered = new ArrayList<>(files);
        int cut = Math.max(0, ordered.size() - keep);
        return new Pruned(ordered.subList(cut, ordered.size()), ordered.subList(0, cut));
    }

    /**
     * What retention does after a write.
     *
     * @param kept    the paths to list, oldest first
     * @param removed the paths to remove, oldest first
     */
    public record Pruned(List<String> kept, List<String> removed) {

        /** Copies the lists. */
        public Pruned {
            kept = List.copyOf(kept);
            removed = List.copyOf(removed);
        }
    }
}
