package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Attachment;
import de.allmende.content.WorkingAid;
import de.allmende.support.Html;

/** The working-aid terms of a Page; the files become Document attachments. */
final class AidAs {
    private AidAs() {}

    static String write(ObjectNode o, WorkingAid a) {
        o.put("aidKind", a.aidKind().code());
        o.put("license", a.licence().uri().toString());
        if (a.version() != null) o.put("version", a.version());
        if (a.derivedFrom() != null) o.put("derivedFrom", a.derivedFrom().toString());
        ContentToAs.attachments(o, a.files(), true);
        StringBuilder files = new StringBuilder("<ul>");
        for (Attachment f : a.files()) {
            files.append("<li><a href=\"").append(Html.escape(f.url().toString())).append("\">")
                    .append(Html.escape(f.name() == null ? f.url().toString() : f.name())).append("</a></li>");
        }
        files.append("</ul>");
        return ContentToAs.body(o, a.common().body(), german -> files + "<p>" + (german ? "Lizenz: " : "Licence: ")
                + Html.escape(a.licence().code()) + (a.version() == null ? "" : ", Version " + Html.escape(a.version())) + "</p>");
    }
}
