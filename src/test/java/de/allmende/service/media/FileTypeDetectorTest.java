package de.allmende.service.media;

import de.allmende.testkit.SampleFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("File types come from the bytes; names and declared types cannot override them")
class FileTypeDetectorTest {
    private final FileTypeDetector detector = new FileTypeDetector();
    @TempDir Path dir;

    @Test
    void imagesAndPdfByMagicNumbers() throws IOException {
        assertEquals("image/png", detect(SampleFiles.png(), "plan.png", "image/png"));
        assertEquals("image/jpeg", detect(SampleFiles.jpeg(), "foto.jpg", "image/jpg"));
        assertEquals("application/pdf", detect(SampleFiles.pdf(), "haushalt.pdf", null));
        // A misleading name does not change what the bytes are.
        assertEquals("image/png", detect(SampleFiles.png(), "bericht.pdf", null));
    }

    @Test
    void officeDocumentsByTheirParts() throws IOException {
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", detect(SampleFiles.docx(), "x.bin", null));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", detect(SampleFiles.xlsx(), "x", null));
        assertEquals("application/vnd.oasis.opendocument.text", detect(SampleFiles.odt(), "x", null));
        assertEquals("application/vnd.ms-word.document.macroenabled.12", detect(SampleFiles.docm(), "x.docx", null));
        assertEquals("application/zip", detect(SampleFiles.zip(), "x.docx", null));
    }

    @Test
    void plainTextBecomesCsvOnlyByNameOrDeclaration() throws IOException {
        assertEquals("text/plain", detect(SampleFiles.csv(), "zahlen.txt", null));
        assertEquals("text/csv", detect(SampleFiles.csv(), "zahlen.csv", null));
        assertEquals("text/csv", detect(SampleFiles.csv(), "zahlen", "application/vnd.ms-excel"));
        assertEquals("text/html", detect(SampleFiles.html(), "seite.csv", "text/csv"));
    }

    @Test
    void impostors() throws IOException {
        assertFalse(detect(SampleFiles.elf(), "setup.png", "image/png").startsWith("image/"));
        assertEquals("image/svg+xml", detect(SampleFiles.svg(), "wappen.png", "image/png"));
    }

    @Test
    void declaredTypesContradictOnlyWhenTheyNameSomethingElse() {
        assertFalse(detector.contradicts(null, "image/png"));
        assertFalse(detector.contradicts("application/octet-stream", "image/png"));
        assertFalse(detector.contradicts("IMAGE/PNG; name=x", "image/png"));
        assertFalse(detector.contradicts("image/pjpeg", "image/jpeg"));
        assertFalse(detector.contradicts("application/zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertFalse(detector.contradicts("text/plain", "text/csv"));
        assertTrue(detector.contradicts("image/png", "text/html"));
        assertTrue(detector.contradicts("image/png", "image/gif"));
        assertTrue(detector.contradicts("application/pdf", "text/plain"));
        assertTrue(detector.contradicts("not a type", "text/plain"));
    }

    private String detect(byte[] bytes, String name, String declared) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "upload", ""), bytes);
        return detector.detect(f, name, declared);
    }
}
