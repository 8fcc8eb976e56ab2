package de.allmende.content;

import de.allmende.content.vocab.AidKind;
import de.allmende.content.vocab.Licence;

import java.net.URI;
import java.util.List;

/**
 * A working aid (Arbeitshilfe): a Page with the files as Document attachments (Mastodon drops a bare
 * Document, so the Page carries them). {@code derivedFrom} records reuse across municipalities.
 */
public record WorkingAid(Common common, AidKind aidKind, Licence licence, String version, URI derivedFrom,
                         List<Attachment> files) implements ContentDetails {
    public WorkingAid {
        files = List.copyOf(files);
    }

    @Override public ContentKind kind() { return ContentKind.AID; }
}
