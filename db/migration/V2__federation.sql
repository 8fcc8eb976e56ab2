-- Federation core: remote actors and keys, follows, objects, activities, the durable inbox and
-- delivery queues, host health and moderation.

CREATE TABLE remote_actor (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iri                 text        NOT NULL UNIQUE,
    host                text        NOT NULL,
    type                text        NOT NULL,
    preferred_username  text,
    name                text,
    inbox               text        NOT NULL,
    shared_inbox        text,
    followers           text,
    raw                 jsonb       NOT NULL,   -- the document as fetched, for provenance
    fetched             timestamptz NOT NULL DEFAULT now()
);

-- Public keys of remote actors by key id (RSA for HTTP signatures, Ed25519 for proofs).
CREATE TABLE remote_key (
    key_id              text        PRIMARY KEY,
    owner               text        NOT NULL,
    algorithm           text        NOT NULL,
    spki                bytea       NOT NULL,
    fetched             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX remote_key_owner ON remote_key (owner);

-- Follow relationships in both directions, by actor IRI. activity_iri is the Follow's id, kept
-- verbatim: Accept/Undo refer to it, and Mastodon's Follow ids cannot be dereferenced.
CREATE TABLE follow (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    follower            text        NOT NULL,
    followee            text        NOT NULL,
    activity_iri        text        NOT NULL,
    state               text        NOT NULL CHECK (state IN ('pending', 'accepted')),
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (follower, followee)
);
CREATE INDEX follow_followee ON follow (followee, state);
CREATE INDEX follow_activity ON follow (activity_iri);

-- Objects (Notes and the municipal content types), local and remote.
CREATE TABLE ap_object (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iri                 text        NOT NULL UNIQUE,
    type                text        NOT NULL,
    attributed_to       text        NOT NULL,
    local_actor_id      bigint      REFERENCES actor (id) ON DELETE CASCADE,
    in_reply_to         text,
    raw                 jsonb       NOT NULL,
    published           timestamptz NOT NULL DEFAULT now(),
    updated             timestamptz,
    deleted             timestamptz
);
CREATE INDEX ap_object_attributed ON ap_object (attributed_to);

-- Activities: every one we published (outbox) and every one we accepted (dedupe by id).
CREATE TABLE activity (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    iri                 text        NOT NULL UNIQUE,
    type                text        NOT NULL,
    actor               text        NOT NULL,
    object_iri          text,
    local_actor_id      bigint      REFERENCES actor (id) ON DELETE CASCADE,
    public              boolean     NOT NULL DEFAULT false,
    raw                 jsonb       NOT NULL,
    published           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_outbox ON activity (local_actor_id, id) WHERE local_actor_id IS NOT NULL;

CREATE TABLE reaction (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('like', 'announce')),
    actor               text        NOT NULL,
    object_iri          text        NOT NULL,
    activity_iri        text        NOT NULL UNIQUE,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, actor, object_iri)
);
CREATE INDEX reaction_object ON reaction (object_iri);

-- Durable inbox: verified, authorised activities waiting to be applied. The unique activity id
-- makes redelivery a no-op.
CREATE TABLE inbox_item (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_iri        text        NOT NULL UNIQUE,
    signer              text        NOT NULL,
    body                jsonb       NOT NULL,
    received            timestamptz NOT NULL DEFAULT now(),
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt        timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    processed           timestamptz,
    failed              timestamptz,
    last_error          text
);
CREATE INDEX inbox_item_due ON inbox_item (next_attempt) WHERE processed IS NULL AND failed IS NULL;

-- Outbound deliveries: one row per (activity, inbox). Claimed with FOR UPDATE SKIP LOCKED and a
-- lease, so several processes never send the same row at once and a crash only delays a send.
CREATE TABLE delivery (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_id         bigint      NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    sender_actor_id     bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    inbox               text        NOT NULL,
    host                text        NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt        timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    delivered           timestamptz,
    failed              timestamptz,
    last_status         integer,
    last_error          text,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (activity_id, inbox)
);
CREATE INDEX delivery_due ON delivery (next_attempt) WHERE delivered IS NULL AND failed IS NULL;

-- Health of remote hosts: failure days as Mastodon counts them; unavailable after many.
CREATE TABLE host_status (
    host                text        PRIMARY KEY,
    failure_days        date[]      NOT NULL DEFAULT '{}',
    unavailable_since   timestamptz,
    last_success        timestamptz
);

CREATE TABLE domain_block (
    domain              text        PRIMARY KEY,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE domain_allow (
    domain              text        PRIMARY KEY,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE actor_block (
    iri                 text        PRIMARY KEY,
    created             timestamptz NOT NULL DEFAULT now()
);
