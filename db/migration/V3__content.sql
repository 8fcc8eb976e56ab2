-- Municipal content (projects, updates, events, lessons learned, working aids), uploaded media,
-- staff API tokens, and the result of checking FEP-8b32 proofs on objects we store.

-- Content authored on this node, as the staff API sees it (domain values, not ActivityStreams).
-- The published ActivityStreams document lives in ap_object under the same IRI.
CREATE TABLE content (
    id                  uuid        PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('project', 'update', 'event', 'lesson', 'aid')),
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    iri                 text        NOT NULL UNIQUE,
    data                jsonb       NOT NULL,
    project             text,                   -- IRI of the related project (updates, lessons, events), for filters
    starts              timestamptz,            -- events: start time, for calendars and filters
    published           timestamptz NOT NULL,
    updated             timestamptz NOT NULL,
    deleted             timestamptz
);
-- Cursor paging walks (published, id) downwards.
CREATE INDEX content_list ON content (actor_id, kind, published DESC, id DESC) WHERE deleted IS NULL;
CREATE INDEX content_project ON content (project) WHERE project IS NOT NULL AND deleted IS NULL;

-- Uploaded images and files. The file itself is stored under <data>/media/<id>; the original
-- name is kept only as display text, never used as a path.
CREATE TABLE media (
    id                  uuid        PRIMARY KEY,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    file_name           text        NOT NULL,
    media_type          text        NOT NULL,
    size                bigint      NOT NULL CHECK (size >= 0),
    sha256              text        NOT NULL,
    description         text,
    created             timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens for the staff API, issued by the CLI. Only a SHA-256 of the token is stored.
CREATE TABLE access_token (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash          bytea       NOT NULL UNIQUE,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    scopes              text[]      NOT NULL,
    label               text        NOT NULL DEFAULT '',
    created             timestamptz NOT NULL DEFAULT now(),
    last_used           timestamptz,
    revoked             timestamptz
);

-- FEP-8b32: whether an object's proof verified when we stored it, and with which key, so an
-- object that arrives via a third node stays attributable to its origin.
ALTER TABLE ap_object
    ADD COLUMN proof_status text CHECK (proof_status IN ('verified', 'invalid', 'absent')),
    ADD COLUMN proof_key    text;
