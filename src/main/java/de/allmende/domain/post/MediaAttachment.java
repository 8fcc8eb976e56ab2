package de.allmende.domain.post;

import java.net.URI;
import java.util.Optional;

/** A file a post links to: an image, a video, a document. {@code description} is its alt text. */
public record MediaAttachment(URI url, String mediaType, Optional<String> description) {}
