package de.allmende.api.web;

import de.allmende.api.PathParams;
import de.allmende.service.ActorService;
import de.allmende.support.ApiException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A default avatar until municipalities upload their coat of arms: a symmetric 5×5 pattern derived
 * from the handle (PNG, because Mastodon does not take SVG avatars). No fonts needed, so it renders
 * on headless servers.
 */
public final class IconHandler {
    private static final int SIZE = 400;
    private final ActorService actors;
    private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

    public IconHandler(ActorService actors) {
        this.actors = actors;
    }

    public void handle(RoutingContext ctx) {
        String handle = PathParams.handle(ctx);
        actors.findMunicipality(handle).orElseThrow(() -> ApiException.notFound("no such actor"));
        byte[] png = cache.computeIfAbsent(handle, IconHandler::render);
        ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "public, max-age=86400")
                .end(Buffer.buffer(png));
    }

    static byte[] render(String seed) {
        byte[] h = sha256(seed);
        Color fg = Color.getHSBColor((h[0] & 0xff) / 255f, 0.55f, 0.45f); // dark enough for contrast on white
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(fg);
        int cell = SIZE / 6, margin = cell / 2;
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 3; col++) {
                if (((h[1 + row * 3 + col] & 0xff) & 1) == 0) continue;
                g.fillRect(margin + col * cell, margin + row * cell, cell, cell);
                g.fillRect(margin + (4 - col) * cell, margin + row * cell, cell, cell);
            }
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
