-- One domain model for what the node knows (issue 9): every account in one id space, every post typed.
-- Ids are Mastodon-style snowflakes: milliseconds since the epoch << 16 | a sequence. Made here, so several
-- node processes on one database never clash, and time-sortable, so APIs page by max_id/min_id over an index.
CREATE SEQUENCE snowflake_sequence;

CREATE FUNCTION snowflake_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT (floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint << 16) | (nextval('snowflake_sequence') & 65535)
$$;

-- Local municipalities, the instance actor and remote actors. A local account's IRI derives from the public
-- URL (not known here), so it is NULL and found by local_actor_id.
CREATE TABLE account (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    iri                 text        UNIQUE,
    local_actor_id      bigint      UNIQUE REFERENCES actor (id) ON DELETE CASCADE,
    remote_actor_id     bigint      UNIQUE REFERENCES remote_actor (id) ON DELETE CASCADE,
    CHECK ((local_actor_id IS NULL) <> (remote_actor_id IS NULL)),
    CHECK ((iri IS NULL) = (remote_actor_id IS NULL))
);

-- Every path that creates an actor gets its account, in the same transaction.
CREATE FUNCTION account_for_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account (local_actor_id) VALUES (NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER actor_account AFTER INSERT ON actor FOR EACH ROW EXECUTE FUNCTION account_for_actor();

CREATE FUNCTION account_for_remote_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account (remote_actor_id, iri) VALUES (NEW.id, NEW.iri);
    RETURN NEW;
END $$;
CREATE TRIGGER remote_actor_account AFTER INSERT ON remote_actor FOR EACH ROW EXECUTE FUNCTION account_for_remote_actor();

INSERT INTO account (local_actor_id) SELECT id FROM actor ORDER BY id;
INSERT INTO account (remote_actor_id, iri) SELECT id, iri FROM remote_actor ORDER BY id;

-- Posts, local and remote, as typed rows; the JSON as received or published stays in ap_object (object_id).
CREATE TABLE post (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    iri                 text        NOT NULL UNIQUE,
    author_id           bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    author_iri          text        NOT NULL,              -- attributedTo, as the object names it
    object_id           bigint      UNIQUE REFERENCES ap_object (id) ON DELETE SET NULL,
    kind                text        NOT NULL CHECK (kind IN ('note', 'article', 'page', 'question', 'event',
                                        'project', 'project_update', 'lesson', 'working_aid')),
    visibility          text        NOT NULL CHECK (visibility IN ('public', 'unlisted', 'followers', 'direct')),
    audience            jsonb       NOT NULL,              -- {"to": [...], "cc": [...]} as addressed
    in_reply_to         text,
    in_reply_to_id      bigint      REFERENCES post (id) ON DELETE SET NULL,
    conversation        text,
    name                jsonb       NOT NULL DEFAULT '{}', -- language maps: {"de": "...", "und": "..."}
    summary             jsonb       NOT NULL DEFAULT '{}',
    content             jsonb       NOT NULL DEFAULT '{}',
    sensitive           boolean     NOT NULL DEFAULT false,
    hashtags            text[]      NOT NULL DEFAULT '{}',
    mentions            text[]      NOT NULL DEFAULT '{}',
    attachments         jsonb       NOT NULL DEFAULT '[]',
    event               jsonb,                             -- start, end, time zone, place, online URL
    url                 text,
    origin_host         text,                              -- NULL: written on this node
    proof_verified      boolean     NOT NULL DEFAULT false,
    published           timestamptz NOT NULL,
    updated             timestamptz,
    deleted             timestamptz
);
CREATE INDEX post_author ON post (author_id, id DESC);
CREATE INDEX post_in_reply_to ON post (in_reply_to) WHERE in_reply_to IS NOT NULL;
CREATE INDEX post_public ON post (id DESC) WHERE visibility = 'public' AND deleted IS NULL;
