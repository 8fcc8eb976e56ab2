-- Search (issue 11, point 3): one document per public post the node holds, written here or received, kept by the
-- search-index consumer of domain events (service.search.SearchIndexer) off the request path. PostgreSQL stays the
-- system of record: the document is derived from post, ap_object and the author, and can always be rebuilt.
--
-- terms is PostgreSQL full text over the post's words as Java prepared them: lower-cased, umlauts and ß written out
-- (ä → ae, ß → ss, so "Straße" and "Strasse" meet, whatever the database's locale), German compounds followed by
-- their parts ("bürgerhaushalt" → "buerger haushalt"), then stemmed with 'german' (German and undetermined text),
-- 'english' or 'simple' by the text's language. Weights: A title, B summary, C body, tags and place.
CREATE TABLE search_document (
    post_id             bigint      PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    kind                text        NOT NULL,   -- note, article, page, question, event, project, update, lesson, aid
    language            text        NOT NULL,   -- the first language of its text (de, en, und …)
    title               text        NOT NULL,   -- plain text, as shown in results
    text                text        NOT NULL,   -- plain text of summary and body, for snippets
    terms               tsvector    NOT NULL,
    fields              text[]      NOT NULL DEFAULT '{}',  -- Handlungsfelder (codes)
    openness            text[]      NOT NULL DEFAULT '{}',  -- Perspektiven von Offenheit (codes)
    land                text,                   -- ISO 3166-2 of the author's Land, e.g. DE-NW
    size_class          text,                   -- landgemeinde, kleinstadt, mittelstadt, grossstadt, landkreis
    project_status      text,
    lesson_type         text,
    year                integer     NOT NULL,   -- of the event's start, else of publication (Europe/Berlin)
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    municipality        text        NOT NULL,   -- the author's acct: handle here, user@host elsewhere
    municipality_name   text        NOT NULL,
    url                 text        NOT NULL,   -- the page for people
    published           timestamptz NOT NULL
);
CREATE INDEX search_document_terms ON search_document USING gin (terms);
CREATE INDEX search_document_published ON search_document (published DESC, post_id DESC);

-- Posts that exist before this version are indexed by the same consumer: one job each, as if just edited.
WITH e AS (
    INSERT INTO domain_event (kind, actor, subject, payload)
    SELECT 'post_edited', p.author_iri, p.iri,
           jsonb_build_object('actor', p.author_iri, 'subject', p.iri, 'objectType', p.kind)
    FROM post p
    WHERE p.visibility = 'public' AND p.deleted IS NULL AND p.reblog_of_id IS NULL
    ORDER BY p.id
    RETURNING id)
INSERT INTO event_job (consumer, event_id) SELECT 'search-index', id FROM e;

-- The statuses search of the client API asks search_document now; V12's word index of every post served only it.
DROP INDEX post_words;
