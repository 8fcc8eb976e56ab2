package de.allmende.api.statistics;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;

/**
 * A figure's SVG as PNG, rendered by Apache Batik from the very SVG the page shows, at its own size (no second
 * drawing to drift from the first). Our SVGs name no external resource, so Batik loads nothing.
 */
final class SvgToPng {
    private SvgToPng() {}

    static byte[] png(String svg) {
        PNGTranscoder transcoder = new PNGTranscoder();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
        } catch (TranscoderException e) {
            throw new IllegalStateException("our own SVG did not render: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }
}
