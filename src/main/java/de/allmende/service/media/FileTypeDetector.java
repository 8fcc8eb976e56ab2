package de.allmende.service.media;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds a file's real type from its bytes (Tika's magic numbers), never from what the client claims.
 * The file name may only refine a type the bytes allow (text/plain → text/csv); office documents,
 * which are all ZIP files, are told apart by their parts.
 */
public final class FileTypeDetector {
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;
    private static final String CSV = "text/csv";
    /** Names clients use for the types we accept; Windows reports .csv files as Excel sheets. */
    private static final Map<String, String> ALIASES = Map.of(
            "image/jpg", "image/jpeg",
            "image/pjpeg", "image/jpeg",
            "application/x-zip-compressed", "application/zip",
            "text/comma-separated-values", CSV,
            "text/x-csv", CSV,
            "application/csv", CSV,
            "application/vnd.ms-excel", CSV);

    /**
     * Tika's type database, read on the first upload: reading its XML loads about 250 classes and keeps 2 MB of
     * types, which a node that never receives a file need not hold (BENCHMARKS.md, "Footprint").
     */
    private static final class Types {
        static final Tika TIKA = new Tika();
        static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    }

    /**
     * The type of the file's content. {@code fileName} and {@code declaredType} are hints that can
     * narrow plain text down to CSV, nothing more.
     */
    public String detect(Path file, String fileName, String declaredType) throws IOException {
        Metadata hints = new Metadata();
        hints.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        MediaType detected;
        try (InputStream in = TikaInputStream.get(file)) {
            detected = Types.TIKA.getDetector().detect(in, hints).getBaseType();
        }
        if (Types.REGISTRY.isInstanceOf(detected, ZIP)) return containerType(file);
        if (detected.equals(MediaType.TEXT_PLAIN) && CSV.equals(normalize(declaredType))) return CSV;
        return detected.toString();
    }

    /**
     * True if the client named a type the content is not: a different type, not merely a more general
     * one (application/zip for a .docx, application/octet-stream for anything, or no type at all).
     */
    public boolean contradicts(String declaredType, String detected) {
        String declared = normalize(declaredType);
        if (declared == null || declared.equals(detected)) return false;
        MediaType declaredMedia = MediaType.parse(declared);
        if (declaredMedia == null) return true;
        if (declaredMedia.equals(OCTET_STREAM)) return false;
        return !Types.REGISTRY.isInstanceOf(MediaType.parse(detected), declaredMedia);
    }

    private static String normalize(String declaredType) {
        if (declaredType == null || declaredType.isBlank()) return null;
        String base = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(base, base);
    }

    /**
     * OpenDocument names its type in a {@code mimetype} entry; Office Open XML has well-known main
     * parts. Only the ZIP directory and that one short entry are read, so ZIP bombs cost nothing.
     */
    private static String containerType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    return declared.startsWith("application/vnd.oasis.opendocument.") ? declared : ZIP.toString();
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) return officeOpenXmlType(zip);
            return ZIP.toString();
        } catch (IOException e) {
            return ZIP.toString(); // starts like a ZIP but is not a readable one
        }
    }

    private static String officeOpenXmlType(ZipFile zip) {
        // Macro-enabled documents (.docm, .xlsm, .pptm) carry a VBA project; they are a different type.
        boolean macros = zip.stream().anyMatch(e -> e.getName().endsWith("vbaProject.bin"));
        if (zip.getEntry("word/document.xml") != null) {
            return macros ? "application/vnd.ms-word.document.macroenabled.12"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
            return macros ? "application/vnd.ms-excel.sheet.macroenabled.12"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (zip.getEntry("ppt/presentation.xml") != null) {
            return macros ? "application/vnd.ms-powerpoint.presentation.macroenabled.12"
                    : "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        return "application/x-tika-ooxml";
    }
}
