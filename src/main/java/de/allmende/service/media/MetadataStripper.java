package de.allmende.service.media;

import de.allmende.domain.FileType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Set;

/**
 * Removes what a camera or phone writes into a picture besides the picture — GPS position, device, owner, time,
 * editing history — before the file is published, without re-encoding it (no quality is lost). JPEG: Exif and XMP
 * (APP1), IPTC (APP13) and comments go; an Exif orientation other than "upright" is kept alone, so phone photos
 * still show the right way up. PNG: the eXIf and text chunks go. Colour profiles stay. Other types are left as
 * they are; a file that does not parse as its type is left too (ImageIO decides later whether it is readable).
 */
final class MetadataStripper {
    private static final Set<String> PNG_DROPPED = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int APP1 = 0xE1;
    private static final int APP13 = 0xED;
    private static final int COMMENT = 0xFE;
    private static final int START_OF_SCAN = 0xDA;

    private MetadataStripper() {}

    /** Rewrites {@code file} in place (through a sibling temporary file) if it carried anything to remove. */
    static void strip(Path file, FileType type) throws IOException {
        byte[] in = Files.readAllBytes(file);
        byte[] out = switch (type) {
            case JPEG -> jpeg(in);
            case PNG -> png(in);
            default -> in;
        };
        if (out == in || Arrays.equals(out, in)) return;
        Path temp = Files.createTempFile(file.getParent(), "stripped", ".tmp");
        try {
            Files.write(temp, out);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static byte[] jpeg(byte[] in) {
        if (in.length < 4 || (in[0] & 0xff) != 0xFF || (in[1] & 0xff) != 0xD8) return in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 2);
        int pos = 2;
        while (pos + 4 <= in.length) {
            if ((in[pos] & 0xff) != 0xFF) return in; // not a marker where one must be: leave the file alone
            int marker = in[pos + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == START_OF_SCAN) break; // the picture data and everything after it are copied as they are
            int length = ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
            if (length < 2 || pos + 2 + length > in.length) return in;
            boolean dropped = marker == APP1 || marker == APP13 || marker == COMMENT;
            if (marker == APP1) orientationOnly(in, pos + 4, length - 2).ifPresent(seg -> out.write(seg, 0, seg.length));
            if (!dropped) out.write(in, pos, 2 + length);
            pos += 2 + length;
        }
        out.write(in, pos, in.length - pos);
        return out.toByteArray();
    }

    /** An APP1 segment with nothing but the orientation, if the Exif data says the picture is turned. */
    private static java.util.Optional<byte[]> orientationOnly(byte[] in, int start, int length) {
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        if (length < 14 || !Arrays.equals(Arrays.copyOfRange(in, start, start + 6), exif)) return java.util.Optional.empty();
        int tiff = start + 6;
        boolean little = in[tiff] == 'I';
        int ifd = tiff + read32(in, tiff + 4, little);
        int end = start + length;
        if (ifd < tiff || ifd + 2 > end) return java.util.Optional.empty();
        int entries = read16(in, ifd, little);
        for (int i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= end; i++) {
            int entry = ifd + 2 + 12 * i;
            if (read16(in, entry, little) != 0x0112) continue;
            int orientation = read16(in, entry + 8, little);
            if (orientation < 2 || orientation > 8) return java.util.Optional.empty();
            // Big-endian TIFF: header, one IFD with one SHORT entry (Orientation), no next IFD.
            byte[] body = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1,
                    0, (byte) orientation, 0, 0, 0, 0, 0, 0};
            byte[] segment = new byte[4 + body.length];
            segment[0] = (byte) 0xFF;
            segment[1] = (byte) APP1;
            segment[2] = (byte) ((body.length + 2) >> 8);
            segment[3] = (byte) (body.length + 2);
            System.arraycopy(body, 0, segment, 4, body.length);
            return java.util.Optional.of(segment);
        }
        return java.util.Optional.empty();
    }

    static byte[] png(byte[] in) {
        if (in.length < 8 || !Arrays.equals(Arrays.copyOf(in, 8), PNG_SIGNATURE)) return in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int pos = 8;
        while (pos + 12 <= in.length) {
            long length = read32(in, pos, false) & 0xffffffffL;
            if (length > in.length - pos - 12) return in;
            String type = new String(in, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int chunk = 12 + (int) length;
            if (!PNG_DROPPED.contains(type)) out.write(in, pos, chunk);
            pos += chunk;
            if (type.equals("IEND")) break;
        }
        out.write(in, pos, in.length - pos);
        return out.toByteArray();
    }

    private static int read16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xff;
        int y = b[at + 1] & 0xff;
        return little ? y << 8 | x : x << 8 | y;
    }

    private static int read32(byte[] b, int at, boolean little) {
        return little ? read16(b, at + 2, true) << 16 | read16(b, at, true) : read16(b, at, false) << 16 | read16(b, at + 2, false);
    }
}
