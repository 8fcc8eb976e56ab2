package de.allmende.content;

import de.allmende.content.vocab.Offenheit;
import de.allmende.content.vocab.ProjectStatus;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** A project (Projektsteckbrief), published as a Page. */
public record Project(Common common, StatusAsOf status, List<Offenheit> openness, String fundingProgramme,
                      List<Partner> partners, List<URI> councilDocuments, List<Contact> contacts,
                      LocalDate startDate, LocalDate endDate) implements ContentDetails {
    public Project {
        openness = List.copyOf(openness);
        partners = List.copyOf(partners);
        councilDocuments = List.copyOf(councilDocuments);
        contacts = List.copyOf(contacts);
    }

    @Override public ContentKind kind() { return ContentKind.PROJECT; }

    /** A status and the date it was true ("Stand"). */
    public record StatusAsOf(ProjectStatus value, LocalDate asOf) {}

    /**
     * A partner municipality or organisation; {@code url} is its actor IRI or website and {@code ags}
     * its Amtlicher Gemeindeschlüssel, if known.
     */
    public record Partner(String name, URI url, String ags) {}

    /** A contact point (functional mailbox preferred over personal data). */
    public record Contact(String name, String role, String email, String phone) {}
}
