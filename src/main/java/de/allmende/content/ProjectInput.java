package de.allmende.content;

import de.allmende.content.InputReader.Need;
import de.allmende.domain.Land;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks the project-specific fields. */
final class ProjectInput {
    private ProjectInput() {}

    static Project read(InputReader r, Common common) {
        r.onlyKnown(ContentInput.known(Set.of("status", "openness", "fundingProgramme", "partners", "councilDocuments",
                "contacts", "startDate", "endDate")));
        Project.StatusAsOf status = ContentInput.status(r, "status", Need.REQUIRED);
        var openness = ContentInput.openness(r);
        String funding = r.text("fundingProgramme", Need.OPTIONAL, ContentInput.SHORT);
        List<Project.Partner> partners = new ArrayList<>();
        for (var item : r.array("partners", Need.OPTIONAL, 50)) {
            InputReader p = r.nested("partners", item);
            if (!item.isObject()) { r.error("partners", "must be a list of objects with name and url"); continue; }
            p.onlyKnown(Set.of("name", "url", "ags"));
            String name = p.text("name", Need.REQUIRED, ContentInput.SHORT);
            URI url = p.url("url", Need.OPTIONAL);
            String ags = p.text("ags", Need.OPTIONAL, 20);
            if (ags != null && !ags.matches("[0-9]{8}")) { p.error("ags", "must be the 8-digit Amtlicher Gemeindeschlüssel, e.g. 09162000"); ags = null; }
            if (ags != null && Land.byCode(ags.substring(0, 2)).isEmpty()) {
                p.error("ags", "starts with " + ags.substring(0, 2) + ", which is no Land key (01–16)");
                ags = null;
            }
            if (name != null) partners.add(new Project.Partner(name, url, ags));
        }
        var councilDocuments = r.urls("councilDocuments", 50);
        List<Project.Contact> contacts = new ArrayList<>();
        for (var item : r.array("contacts", Need.OPTIONAL, 10)) {
            if (!item.isObject()) { r.error("contacts", "must be a list of objects"); continue; }
            InputReader c = r.nested("contacts", item);
            c.onlyKnown(Set.of("name", "role", "email", "phone"));
            String name = c.text("name", Need.REQUIRED, ContentInput.SHORT);
            String email = c.text("email", Need.OPTIONAL, 254);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) c.error("email", "is not an e-mail address");
            String phone = c.text("phone", Need.OPTIONAL, 40);
            if (phone != null && !phone.matches("[+0-9 ()/-]{3,40}")) c.error("phone", "is not a phone number");
            if (name != null) contacts.add(new Project.Contact(name, c.text("role", Need.OPTIONAL, ContentInput.SHORT), email, phone));
        }
        LocalDate start = r.date("startDate", Need.OPTIONAL);
        LocalDate end = r.date("endDate", Need.OPTIONAL);
        if (start != null && end != null && end.isBefore(start)) r.error("endDate", "must not be before startDate");
        return new Project(common, status, openness, funding, partners, councilDocuments, contacts, start, end);
    }
}
