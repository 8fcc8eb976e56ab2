package de.allmende.api.web;

import java.util.Map;

/** Short German names of common file types, for file lists ("PDF", "Word-Dokument"). */
final class FileTypes {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/vnd.oasis.opendocument.text", "ODT-Textdokument"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ODS-Tabelle"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "ODP-Präsentation"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-Dokument"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-Tabelle"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint-Präsentation"),
            Map.entry("text/csv", "CSV"),
            Map.entry("application/json", "JSON"),
            Map.entry("application/zip", "ZIP-Archiv"),
            Map.entry("text/plain", "Text"),
            Map.entry("image/png", "PNG-Bild"),
            Map.entry("image/jpeg", "JPEG-Bild"));

    private FileTypes() {}

    static String label(String mediaType) {
        if (mediaType == null) return "Datei";
        return LABELS.getOrDefault(mediaType, mediaType);
    }
}
