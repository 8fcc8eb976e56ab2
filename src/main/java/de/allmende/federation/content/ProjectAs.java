package de.allmende.federation.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.allmende.content.Project;
import de.allmende.support.Html;

/** The project-specific terms of a Page. */
final class ProjectAs {
    private ProjectAs() {}

    static String write(ObjectNode o, Project p) {
        o.put("projectStatus", p.status().value().code());
        o.put("statusAsOf", p.status().asOf().toString());
        ContentToAs.vocab(o, "openness", p.openness());
        if (p.fundingProgramme() != null) o.put("fundingProgramme", p.fundingProgramme());
        for (Project.Partner partner : p.partners()) {
            ObjectNode n = o.withArray("partners").addObject().put("name", partner.name());
            if (partner.url() != null) n.put("url", partner.url().toString());
            if (partner.ags() != null) n.put("ags", partner.ags());
        }
        ContentToAs.uris(o, "councilDocuments", p.councilDocuments());
        for (Project.Contact c : p.contacts()) {
            ObjectNode n = o.withArray("contactPoints").addObject().put("name", c.name());
            if (c.role() != null) n.put("role", c.role());
            if (c.email() != null) n.put("email", c.email());
            if (c.phone() != null) n.put("phone", c.phone());
        }
        if (p.startDate() != null) o.put("startDate", p.startDate().toString());
        if (p.endDate() != null) o.put("endDate", p.endDate().toString());
        String status = "<p>Status: " + Html.escape(p.status().value().label()) + " (Stand " + p.status().asOf() + ")</p>";
        return ContentToAs.body(o, p.common().body(), status);
    }
}
