package de.allmende.testkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind, and impostors, for upload tests. */
public final class SampleFiles {
    private SampleFiles() {}

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** A PNG padded with trailing bytes to exactly {@code size} bytes (still starts like a PNG). */
    public static byte[] pngOfSize(int size) {
        byte[] png = png();
        return Arrays.copyOf(png, size);
    }

    public static byte[] pdf() {
        return ascii("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    }

    public static byte[] text() {
        return "Protokoll der Bürgerversammlung\nTagesordnung: Radwege, Spielplätze.\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] csv() {
        return "Stadtteil;Einwohner\nNord;12000\nSüd;9500\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] html() {
        return ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    }

    public static byte[] svg() {
        return ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    }

    /** The start of a 64-bit Linux executable. */
    public static byte[] elf() {
        byte[] b = new byte[256];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    public static byte[] docx() {
        return zip(null, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    }

    public static byte[] docm() {
        return zip(null, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>", "word/vbaProject.bin", "x");
    }

    public static byte[] xlsx() {
        return zip(null, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
    }

    public static byte[] odt() {
        return zip("application/vnd.oasis.opendocument.text", "content.xml", "<office:document-content/>");
    }

    public static byte[] zip() {
        return zip(null, "readme.txt", "hello");
    }

    /** A ZIP; with {@code odfType}, an OpenDocument (an uncompressed {@code mimetype} entry first). */
    private static byte[] zip(String odfType, String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (odfType != null) {
                byte[] type = ascii(odfType);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(type.length);
                CRC32 crc = new CRC32();
                crc.update(type);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(type);
                zip.closeEntry();
            }
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
