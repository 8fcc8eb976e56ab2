package de.allmende.service.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The media folder: {@code <data>/media/<uuid>} for stored files, {@code <data>/media/.incoming} for
 * uploads in progress (the same file system, so moving a file into place is atomic). File names come
 * only from ids, never from clients.
 */
public final class MediaFiles {
    private final Path dir;
    private final Path incoming;

    public MediaFiles(Path dir) {
        this.dir = dir;
        this.incoming = dir.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create media folder " + dir, e);
        }
    }

    /** Where uploads are written while they arrive. */
    public Path incoming() {
        return incoming;
    }

    public Path path(UUID id) {
        return dir.resolve(id.toString());
    }

    /** The stored file, if it is there. */
    public Optional<Path> find(UUID id) {
        Path p = path(id);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Moves a fully written upload into place durably: its bytes reach the disk before the move, and
     * the move before this returns. Only then may a database row point at it.
     */
    public void store(Path upload, UUID id) throws IOException {
        try (FileChannel ch = FileChannel.open(upload, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(upload, path(id), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot sync a directory; the rename is then as durable as they allow.
        }
    }

    /** Deletes a stored file; a missing file is fine. */
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(path(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete media file " + id, e);
        }
    }

    /**
     * Deletes what no row refers to: stored files whose ids {@code existing} does not return, and
     * interrupted uploads; both only when older than {@code before}, so work in progress (maybe in
     * another process) is left alone. Returns how many files went.
     */
    public int removeOrphans(Function<Collection<UUID>, Set<UUID>> existing, Instant before) throws IOException {
        Map<UUID, Path> candidates = new HashMap<>();
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path f : files) {
                if (!isOlder(f, before)) continue;
                Optional<UUID> id = parseId(f.getFileName().toString());
                if (id.isPresent()) candidates.put(id.get(), f);
                else if (Files.deleteIfExists(f)) removed++;
            }
        }
        List<UUID> ids = new ArrayList<>(candidates.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            List<UUID> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            Set<UUID> known = existing.apply(batch);
            for (UUID id : batch) if (!known.contains(id) && Files.deleteIfExists(candidates.get(id))) removed++;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming, Files::isRegularFile)) {
            for (Path f : files) if (isOlder(f, before) && Files.deleteIfExists(f)) removed++;
        }
        return removed;
    }

    private static boolean isOlder(Path f, Instant before) throws IOException {
        return Files.getLastModifiedTime(f).toInstant().isBefore(before);
    }

    private static Optional<UUID> parseId(String name) {
        try {
            return name.length() == 36 ? Optional.of(UUID.fromString(name)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
