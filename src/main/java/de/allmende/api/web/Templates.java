package de.allmende.api.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The node's Pebble templates ({@code src/main/resources/templates}), compiled once and shared.
 * Auto-escaping is on: every value is HTML-escaped unless a template marks it {@code | raw}, which
 * only the sanitised HTML rendered from Markdown is — and the {@link Stylesheet}, a global of every page.
 */
public final class Templates {
    /**
     * Built with the first page: Pebble's engine and its built-in filters are about 160 classes that a node
     * nobody has looked at in a browser yet need not hold (BENCHMARKS.md, "Footprint").
     */
    private volatile PebbleEngine engine;

    private static PebbleEngine build() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false)
                .extension(new AbstractExtension() {
                    @Override
                    public Map<String, Object> getGlobalVariables() {
                        return Map.of("stylesheet", Stylesheet.PAGES.css());
                    }
                })
                .build();
    }

    private PebbleEngine engine() {
        PebbleEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) engine = build();
                e = engine;
            }
        }
        return e;
    }

    public String render(String template, Map<String, Object> model) {
        StringWriter w = new StringWriter();
        try {
            engine().getTemplate(template).evaluate(w, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
