package de.allmende.service.media;

import de.allmende.domain.FieldError;
import de.allmende.domain.ValidationException;
import io.trbl.blurhash.BlurHash;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * What Mastodon apps need of an uploaded image: its size, a preview at most 640 pixels on its longer side (JPEG, or
 * PNG where the image is transparent) and a BlurHash. ImageIO decodes; the TwelveMonkeys plugins on the class path
 * add CMYK JPEGs and WebP. The size is read from the header first, so a small file that would decode to an
 * enormous bitmap (a "pixel flood") is refused before any memory is spent on it.
 */
final class ImageProcessor {
    /** The longer side of a preview, in pixels. */
    static final int PREVIEW_SIDE = 640;
    static final long MAX_PIXELS = de.allmende.domain.FileType.MAX_IMAGE_PIXELS;
    /** BlurHash components across and down, as Mastodon computes them. */
    private static final int HASH_COMPONENTS = 4;
    /** The hash only describes colour patches: computing it from a tiny copy is as good and much faster. */
    private static final int HASH_SIDE = 64;
    /**
     * Images decoded at once: a decoded image takes up to 64 MB (4 bytes for each of {@link #MAX_PIXELS}), and the work
     * is all processor, so more at a time would only cost memory. Others wait (virtual threads: cheaply).
     */
    private static final Semaphore DECODING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    /** @param previewFormat "jpeg" or "png" */
    record Processed(int width, int height, String blurhash, String previewFormat, int previewWidth, int previewHeight) {}

    /**
     * Reads the image in {@code file}, writes its preview to {@code preview}. 422 when it cannot be decoded or is
     * larger than {@link #MAX_PIXELS}.
     */
    Processed process(Path file, Path preview) throws IOException {
        DECODING.acquireUninterruptibly();
        try {
            return processNow(file, preview);
        } finally {
            DECODING.release();
        }
    }

    private Processed processNow(Path file, Path preview) throws IOException {
        BufferedImage image = read(file);
        boolean transparent = image.getColorModel().hasAlpha();
        BufferedImage small = scaled(image, PREVIEW_SIDE, transparent);
        String format = transparent ? "png" : "jpeg";
        if (!ImageIO.write(small, format, preview.toFile())) throw new IOException("no ImageIO writer for " + format);
        String hash = BlurHash.encode(scaled(small, HASH_SIDE, false), HASH_COMPONENTS, HASH_COMPONENTS);
        return new Processed(image.getWidth(), image.getHeight(), hash, format, small.getWidth(), small.getHeight());
    }

    private static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw unreadable();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ValidationException(List.of(new FieldError("file", "images may have at most " + MAX_PIXELS
                            + " pixels (4096 × 4096); this one has " + reader.getWidth(0) + " × " + reader.getHeight(0))));
                }
                return reader.read(0); // the first frame of an animation
            } catch (IOException | RuntimeException e) {
                if (e instanceof ValidationException v) throw v;
                throw unreadable();
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * The image fitted into a square of {@code side} (never enlarged), halving step by step first: one bilinear
     * step from a large image down to a small one skips most pixels and looks grainy.
     */
    static BufferedImage scaled(BufferedImage source, int side, boolean keepAlpha) {
        double factor = Math.min(1.0, (double) side / Math.max(source.getWidth(), source.getHeight()));
        int targetW = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int targetH = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(targetW, w / 2);
            h = Math.max(targetH, h / 2);
            current = draw(current, w, h, keepAlpha);
        } while (w > targetW || h > targetH);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int w, int h, boolean keepAlpha) {
        BufferedImage out = new BufferedImage(w, h, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!keepAlpha) { // transparent parts of a GIF or WebP shown on white, not black, in a JPEG preview
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static ValidationException unreadable() {
        return new ValidationException(List.of(new FieldError("file", "the image cannot be read; it may be damaged")));
    }
}
