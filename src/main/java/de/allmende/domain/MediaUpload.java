package de.allmende.domain;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A file as it arrived: already written to a temporary file, nothing checked yet.
 *
 * @param fileName     the name the client gave, untrusted
 * @param declaredType the Content-Type the client gave, untrusted; null if none
 */
public record MediaUpload(Path file, String fileName, String declaredType, Optional<String> description) {}
