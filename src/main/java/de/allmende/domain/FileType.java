package de.allmende.domain;

import java.util.Arrays;
import java.util.Optional;

/** The file types municipalities may upload, each with its size limit. Anything else is refused. */
public enum FileType {
    PNG("image/png", Category.IMAGE),
    JPEG("image/jpeg", Category.IMAGE),
    WEBP("image/webp", Category.IMAGE),
    GIF("image/gif", Category.IMAGE),
    PDF("application/pdf", Category.DOCUMENT),
    ODT("application/vnd.oasis.opendocument.text", Category.DOCUMENT),
    ODS("application/vnd.oasis.opendocument.spreadsheet", Category.DOCUMENT),
    ODP("application/vnd.oasis.opendocument.presentation", Category.DOCUMENT),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Category.DOCUMENT),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Category.DOCUMENT),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", Category.DOCUMENT),
    CSV("text/csv", Category.DOCUMENT),
    TXT("text/plain", Category.DOCUMENT);

    /** Images are shown inline; documents are offered for download. */
    public enum Category {
        IMAGE(10),
        DOCUMENT(25);

        private final int maxMegabytes;

        Category(int maxMegabytes) {
            this.maxMegabytes = maxMegabytes;
        }

        public long maxBytes() { return maxMegabytes * 1024L * 1024L; }
        public int maxMegabytes() { return maxMegabytes; }
    }

    /**
     * The most pixels an image may have (4096 × 4096, the {@code image_matrix_limit} the instance document announces): a
     * small file can decode to an enormous bitmap, so this is checked from the header before decoding.
     */
    public static final long MAX_IMAGE_PIXELS = 16_777_216L;

    private final String mediaType;
    private final Category category;

    FileType(String mediaType, Category category) {
        this.mediaType = mediaType;
        this.category = category;
    }

    public String mediaType() { return mediaType; }
    public Category category() { return category; }

    public static Optional<FileType> byMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    /** The largest upload any type allows: requests above it are cut off before they are read. */
    public static long largestAllowed() {
        return Arrays.stream(Category.values()).mapToLong(Category::maxBytes).max().orElseThrow();
    }
}
