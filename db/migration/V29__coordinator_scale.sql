-- Coordinator at scale (issue 11, BENCHMARKS.md "Coordinator at scale"): two reads that walked every row of a
-- million aggregated items.
--
-- The names of the municipalities a search's facet counts (SearchDocumentStore.municipalityNames) and the
-- municipality filter: one index lookup per municipality for its newest document, instead of comparing every
-- document with every municipality of the facet (24 s for 2,000 municipalities over 1,000,000 documents).
CREATE INDEX search_document_municipality ON search_document (lower(municipality), published DESC);

-- A member's last public activity (the directory and the dashboard's members per Land): the newest public post by
-- publication time, found at the top of its range instead of reading all of an author's posts (13.7 s for 2,000
-- members with 1,000,000 posts).
CREATE INDEX post_author_published ON post (author_id, published DESC)
    WHERE visibility = 'public' AND deleted IS NULL AND reblog_of_id IS NULL;
