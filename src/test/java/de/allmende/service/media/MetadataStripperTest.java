package de.allmende.service.media;

import de.allmende.domain.FileType;
import de.allmende.testkit.SampleFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Published pictures carry no GPS position, camera or owner, but phone photos stay the right way up")
class MetadataStripperTest {
    @Test
    @DisplayName("JPEG: Exif, XMP and comments go, the picture data stays byte for byte, a turned orientation stays alone")
    void jpeg(@TempDir Path dir) throws IOException {
        byte[] original = SampleFiles.jpegWithMetadata(6);
        Path file = dir.resolve("upload");
        Files.write(file, original);
        MetadataStripper.strip(file, FileType.JPEG);
        byte[] stripped = Files.readAllBytes(file);
        String text = new String(stripped, StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {"GPSCAM", "GPSLatitude", "Frau Weber", "xmpmeta"}) assertFalse(text.contains(secret), secret);
        assertTrue(text.contains("Exif\0\0MM"), "an Exif segment for the orientation");
        int orientation = text.indexOf("\u0001\u0012\u0000\u0003");
        assertEquals(6, stripped[orientation + 9], "orientation 6 (turned right) kept");
        byte[] picture = Arrays.copyOfRange(original, indexOfScan(original), original.length);
        assertArrayEquals(picture, Arrays.copyOfRange(stripped, indexOfScan(stripped), stripped.length), "no re-encoding");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(stripped)), "still a readable JPEG");
    }

    @Test
    @DisplayName("JPEG upright: no Exif segment at all; a JPEG without metadata is not touched")
    void uprightAndClean() {
        assertFalse(new String(MetadataStripper.jpeg(SampleFiles.jpegWithMetadata(1)), StandardCharsets.ISO_8859_1).contains("Exif"));
        byte[] clean = SampleFiles.jpeg();
        assertArrayEquals(clean, MetadataStripper.jpeg(clean));
    }

    @Test
    @DisplayName("PNG: eXIf and text chunks go, the image stays readable; what is not a PNG is left alone")
    void png() throws IOException {
        byte[] png = SampleFiles.png();
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(png, 0, 33); // signature and IHDR
        byte[] body = "Comment\0Standort Rathausdach".getBytes(StandardCharsets.ISO_8859_1);
        withText.writeBytes(new byte[] {0, 0, 0, (byte) body.length});
        withText.writeBytes("tEXt".getBytes(StandardCharsets.ISO_8859_1));
        withText.writeBytes(body);
        withText.writeBytes(new byte[] {0, 0, 0, 0}); // CRC: the stripper drops the chunk without checking it
        withText.write(png, 33, png.length - 33);
        byte[] stripped = MetadataStripper.png(withText.toByteArray());
        assertFalse(new String(stripped, StandardCharsets.ISO_8859_1).contains("Rathausdach"));
        assertArrayEquals(png, stripped);
        byte[] notPng = SampleFiles.pdf();
        assertArrayEquals(notPng, MetadataStripper.png(notPng));
    }

    private static int indexOfScan(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xDA) return i;
        throw new AssertionError("no start of scan");
    }
}
