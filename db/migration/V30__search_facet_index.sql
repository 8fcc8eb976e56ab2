-- Faceted search at scale (issue 11, BENCHMARKS.md "Coordinator at scale"): the words and the facet filters in one
-- GIN index, so that a search such as "Breitbandausbau" in Niedersachsen's Landgemeinden (1,720 hits) finds its
-- documents in the index, instead of reading the 70,000 documents with the word to keep those of the Land and size
-- class (48,000 pages of the table, 0.45 s), and browsing by facets alone (kind, Land, year) reads only what it shows.
-- btree_gin (contrib) lets GIN index the plain columns; the arrays use GIN's own array operators (@>).
-- It replaces the index of the words alone: a multicolumn GIN index serves a condition on any of its columns.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX search_document_facets ON search_document
    USING gin (terms, kind, land, size_class, project_status, lesson_type, year, fields, openness);

DROP INDEX search_document_terms;
