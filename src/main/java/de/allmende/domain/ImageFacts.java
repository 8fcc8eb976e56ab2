package de.allmende.domain;

import java.util.UUID;

/**
 * What processing an uploaded image found and made: its size, its BlurHash (a colourful placeholder apps show
 * until it loads) and a smaller preview, stored as media of its own.
 */
public record ImageFacts(int width, int height, String blurhash, UUID previewId, int previewWidth, int previewHeight) {}
