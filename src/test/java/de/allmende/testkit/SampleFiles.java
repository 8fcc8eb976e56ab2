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

    /** A colourful gradient of {@code width} × {@code height} pixels ("png", "jpg", "gif"), as a photo would be larger than a preview. */
    public static byte[] photo(int width, int height, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) img.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
        }
        return encode(img, format);
    }

    /**
     * A phone photo's JPEG: an Exif segment (little-endian, as phones write it) with the orientation given and the
     * camera make "GPSCAM", an XMP segment naming a GPS position and a comment "Handy von Frau Weber".
     */
    public static byte[] jpegWithMetadata(int orientation) {
        byte[] jpeg = photo(40, 30, "jpg");
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes("Exif\0\0II".getBytes(StandardCharsets.ISO_8859_1));
        exif.writeBytes(new byte[] {42, 0, 8, 0, 0, 0, 2, 0});                          // header, IFD0 at 8, two entries
        exif.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0}); // Orientation
        exif.writeBytes(new byte[] {0x0f, 0x01, 2, 0, 7, 0, 0, 0, 38, 0, 0, 0});         // Make, 7 bytes at 38
        exif.writeBytes(new byte[] {0, 0, 0, 0});                                        // no next IFD
        exif.writeBytes("GPSCAM\0".getBytes(StandardCharsets.ISO_8859_1));
        byte[] xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>52,31.2N</exif:GPSLatitude></x:xmpmeta>"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] comment = "Handy von Frau Weber".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, exif.toByteArray());
        segment(out, 0xE1, xmp);
        segment(out, 0xFE, comment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xff);
        out.writeBytes(body);
    }

    /** A tiny PNG whose header claims {@code width} × {@code height} pixels (a "pixel flood": small file, huge bitmap). */
    public static byte[] pngClaiming(int width, int height) {
        byte[] png = png();
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height); // IHDR data starts after its length and type
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // IHDR's type and 13 bytes of data
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
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
        return encode(img, format);
    }

    private static byte[] encode(BufferedImage img, String format) {
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
