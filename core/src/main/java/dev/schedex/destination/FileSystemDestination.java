package dev.schedex.destination;

import dev.schedex.Violation;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Writes exports as files below a root directory the host configures. A schedule names it by its
 * name ({@value #DEFAULT_NAME} unless the host chose another) and gives the {@link StorageParameters}:
 * a {@link PathTemplate} relative to the root and an optional keep-last-N.
 *
 * <p>Nothing is written outside the root: templates cannot leave it, and a directory on the way that
 * is a symbolic link leading out of the root makes the delivery fail. A file is written to a
 * temporary file in its directory, forced to disk, then moved into place atomically, so a crash never
 * leaves a half-written export under the final name. Writing the same occurrence again (a retry, a
 * take-over after a host died) expands to the same path and replaces the file.
 */
public final class FileSystemDestination implements ExportDestination {

    /** The name schedules give this destination by when the host chose none. */
    public static final String DEFAULT_NAME = "filesystem";

    private static final String DESCRIPTION = "the file system destination";

    private final String name;
    private final Path root;

    /**
     * A destination named {@value #DEFAULT_NAME}.
     *
     * @param root the directory all exports go below; created if missing
     * @throws IOException if it cannot be created or is not a directory
     */
    public FileSystemDestination(Path root) throws IOException {
        this(DEFAULT_NAME, root);
    }

    /**
     * @param name the name schedules give it by
     * @param root the directory all exports go below; created if missing
     * @throws IOException if it cannot be created or is not a directory
     */
    public FileSystemDestination(String name, Path root) throws IOException {
        this.name = Objects.requireNonNull(name, "name");
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    /** @return the root directory, as a real path */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return StorageParameters.check(parameters, DESCRIPTION);
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        Map<String, String> parameters = delivery.parameters();
        String relative = StorageParameters.pathFor(delivery, name);
        Path target = inside(relative);
        // inside() keeps the target below the root, so it has a parent
        Path directory = Objects.requireNonNull(target.getParent(), relative);
        Files.createDirectories(directory);
        if (!directory.toRealPath().startsWith(root)) {
            throw new ExportException("refusing to write '" + relative + "': a directory on the way is a link "
                    + "that leads out of the destination's root");
        }
        if (Files.isSymbolicLink(target) || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportException("refusing to write '" + relative + "': a link or directory is in the way");
        }
        writeAtomically(target, delivery.content());
        OptionalInt keep = StorageParameters.keep(parameters);
        if (keep.isPresent()) {
            applyRetention(delivery.context().scheduleId(), relative, keep.getAsInt());
        }
        return new Delivered(relative);
    }

    private Path inside(String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new ExportException("refusing to write '" + relative + "': it is outside the destination's root");
        }
        return target;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        // not Files.createTempFile: its owner-only permissions would stay on the export; a new file
        // gets the process's usual ones, as a file the host wrote itself would
        Path temporary = target.resolveSibling(".schedex-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Keeps the newest {@code keep} files of a schedule, as {@link Retention} says. */
    private void applyRetention(UUID scheduleId, String written, int keep) throws IOException {
        Path index = root.resolve(Retention.indexPath(scheduleId));
        Files.createDirectories(Objects.requireNonNull(index.getParent(), "index folder"));
        Retention.Pruned pruned = Retention.afterWriting(
                Files.exists(index) ? Retention.decode(Files.readAllBytes(index)) : List.of(), written, keep);
        for (String old : pruned.removed()) {
            Path path = root.resolve(old).normalize();
            if (path.startsWith(root) && !Files.isSymbolicLink(path)) {
                Files.deleteIfExists(path);
            }
        }
        writeAtomically(index, Retention.encode(pruned.kept()));
    }

    @Override
    public String toString() {
        return "FileSystemDestination[" + name + ", " + root + "]";
    }
}
