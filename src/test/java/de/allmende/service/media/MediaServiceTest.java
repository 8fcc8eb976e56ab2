package de.allmende.service.media;

import de.allmende.domain.LocalActor;
import de.allmende.domain.Media;
import de.allmende.domain.MediaUpload;
import de.allmende.testkit.Fixtures;
import de.allmende.testkit.SampleFiles;
import de.allmende.testkit.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A media row always has its file; files without rows are cleaned up")
class MediaServiceTest {
    private static TestNode node;
    private static MediaService media;
    private static Path dir;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        node.create(Fixtures.musterstadt());
        media = node.node().services().media;
        dir = node.dataDir().resolve("media");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void whenTheRowCannotBeWrittenTheFileGoesToo() throws IOException {
        LocalActor real = node.actor("musterstadt");
        LocalActor gone = new LocalActor(real.id() + 1000, real.kind(), real.handle(), real.displayName(), real.summary(), real.website(),
                real.ags(), real.ars(), real.land(), real.municipalityType(), real.population(), real.manuallyApprovesFollowers(),
                real.discoverable(), real.published(), real.updated());
        long files = storedFiles();
        assertThrows(RuntimeException.class, () -> media.upload(gone, upload(SampleFiles.png())));
        assertEquals(files, storedFiles());
        assertEquals(0, node.count("SELECT count(*) FROM media WHERE actor_id = " + gone.id()));
    }

    @Test
    void findGivesWhatAnAttachmentNeeds() throws IOException {
        Media m = media.upload(node.actor("musterstadt"),
                new MediaUpload(incoming(SampleFiles.jpeg()), "Rathaus.jpg", "image/jpeg", Optional.of("Das Rathaus im Winter")));
        Media found = media.find(m.id()).orElseThrow();
        assertEquals(m, found);
        assertEquals("image/jpeg", found.mediaType());
        assertEquals(node.url() + "/media/" + m.id(), found.url().toString());
        assertEquals(Optional.of("Das Rathaus im Winter"), found.description());
        assertTrue(found.isImage());
        assertEquals(64, found.sha256().length());
    }

    @Test
    void orphansOlderThanAnHourAreRemovedEverythingElseStays() throws IOException {
        Media kept = media.upload(node.actor("musterstadt"), upload(SampleFiles.pdf()));
        Path orphan = Files.write(dir.resolve(UUID.randomUUID().toString()), new byte[]{1});
        Path freshOrphan = Files.write(dir.resolve(UUID.randomUUID().toString()), new byte[]{2});
        Path junk = Files.write(dir.resolve("notes.txt"), new byte[]{3});
        Path interrupted = Files.write(dir.resolve(".incoming/upload-1"), new byte[]{4});
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        for (Path p : new Path[]{dir.resolve(kept.id().toString()), orphan, junk, interrupted}) {
            Files.setLastModifiedTime(p, FileTime.from(twoHoursAgo));
        }

        assertEquals(3, media.removeOrphans());
        assertTrue(Files.exists(dir.resolve(kept.id().toString())));
        assertTrue(Files.exists(freshOrphan));
        assertFalse(Files.exists(orphan) || Files.exists(junk) || Files.exists(interrupted));
        assertTrue(media.download(kept.id()).isPresent());
        Files.delete(freshOrphan);
    }

    private static MediaUpload upload(byte[] bytes) throws IOException {
        return new MediaUpload(incoming(bytes), "datei", null, Optional.empty());
    }

    private static Path incoming(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir.resolve(".incoming"), "test", ""), bytes);
    }

    private static long storedFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
