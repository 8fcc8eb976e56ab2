package de.allmende.api.web;

import de.allmende.domain.LocalActor;
import de.allmende.federation.iri.Iris;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Server-rendered, JavaScript-free profile pages (Pebble, HTML auto-escaping on). */
public final class ProfilePage {
    private final PebbleEngine engine;
    private final PebbleTemplate actorTemplate;
    private final Iris iris;
    private final String nodeName;

    public ProfilePage(Iris iris, String nodeName) {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(false).build();
        this.actorTemplate = engine.getTemplate("actor");
        this.iris = iris;
        this.nodeName = nodeName;
    }

    public String render(LocalActor a) {
        Map<String, Object> m = base(a);
        m.put("actorIri", iris.actor(a.handle()).toString());
        m.put("acct", "@" + a.handle() + "@" + iris.base().getRawAuthority());
        m.put("website", a.website().map(Object::toString).orElse(null));
        m.put("ags", a.ags().orElse(null));
        m.put("ars", a.ars().orElse(null));
        m.put("land", a.land().map(l -> l.label()).orElse(null));
        m.put("type", a.municipalityType().map(t -> t.label()).orElse(null));
        m.put("population", a.population().map(p -> String.format(java.util.Locale.GERMANY, "%,d", p)).orElse(null));
        m.put("icon", iris.icon(a.handle()).toString());
        return evaluate(m);
    }

    public String renderInstance(LocalActor a) {
        Map<String, Object> m = base(a);
        m.put("actorIri", iris.instanceActor().toString());
        m.put("acct", "@" + iris.base().getHost() + "@" + iris.base().getRawAuthority());
        return evaluate(m);
    }

    private Map<String, Object> base(LocalActor a) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", a.displayName());
        m.put("paragraphs", a.summary().isBlank() ? new String[0] : a.summary().strip().split("\\R\\s*\\R"));
        m.put("nodeName", nodeName);
        m.put("published", a.published().toString().substring(0, 10));
        return m;
    }

    private String evaluate(Map<String, Object> model) {
        StringWriter w = new StringWriter();
        try {
            actorTemplate.evaluate(w, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
