-- Relays (FEP-ae0c, issue 11 point 7): a node may run a relay actor that forwards the public activities its
-- subscribers send it to every other subscriber, and any node may subscribe to relays.

-- The relay actor is a local actor of its own kind. The kind CHECK is replaced whatever its name and list were
-- (V24 adds 'coordinator'; this works with or without it, and keeps 'coordinator' allowed either way).
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'actor'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'
    LOOP
        EXECUTE format('ALTER TABLE actor DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE actor ADD CONSTRAINT actor_kind_check CHECK (kind IN ('municipality', 'instance', 'coordinator', 'relay'));
-- At most one relay actor per node.
CREATE UNIQUE INDEX actor_one_relay ON actor (kind) WHERE kind = 'relay';

-- Who may subscribe to this node's relay: a host (every port) or host:port.
CREATE TABLE relay_allowed_domain (
    domain              text        PRIMARY KEY,
    created             timestamptz NOT NULL DEFAULT now()
);

-- The relay's subscribers: a server's actor that followed as:Public (mastodon) or the relay actor (litepub).
CREATE TABLE relay_subscriber (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor               text        NOT NULL UNIQUE,
    host                text        NOT NULL,              -- the actor's authority: activities from it are relayed
    inbox               text        NOT NULL,              -- where forwards go (the shared inbox if it has one)
    style               text        NOT NULL CHECK (style IN ('mastodon', 'litepub')),
    follow_iri          text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX relay_subscriber_host ON relay_subscriber (host);

-- Relays this node subscribed to (its instance actor's Follow of as:Public); the relay actor is known from its Accept.
CREATE TABLE relay_subscription (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    relay_inbox         text        NOT NULL UNIQUE,
    relay_actor         text,
    follow_iri          text        NOT NULL UNIQUE,
    state               text        NOT NULL CHECK (state IN ('pending', 'accepted')),
    created             timestamptz NOT NULL DEFAULT now()
);

-- A relayed activity is forwarded byte for byte as it came (its proofs must still verify): the body as text.
ALTER TABLE activity ADD COLUMN verbatim text;
