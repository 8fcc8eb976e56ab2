-- Foundation: local actors (municipalities and the instance actor) and their keys.

CREATE TABLE actor (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text        NOT NULL CHECK (kind IN ('municipality', 'instance')),
    handle              text        NOT NULL UNIQUE CHECK (handle ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    display_name        text        NOT NULL,
    summary             text        NOT NULL DEFAULT '',
    website             text,
    ags                 char(8)     CHECK (ags ~ '^[0-9]{8}$'),
    ars                 char(12)    CHECK (ars ~ '^[0-9]{12}$'),
    land                text,
    municipality_type   text,
    population          integer     CHECK (population >= 0),
    manually_approves_followers boolean NOT NULL DEFAULT false,
    discoverable        boolean     NOT NULL DEFAULT true,
    published           timestamptz NOT NULL DEFAULT now(),
    updated             timestamptz NOT NULL DEFAULT now()
);

-- At most one instance actor per node.
CREATE UNIQUE INDEX actor_one_instance ON actor (kind) WHERE kind = 'instance';

-- Key material. Private keysets are Tink keysets encrypted under the node's master AEAD key,
-- bound to the key IRI as associated data so a row cannot be swapped onto another key.
CREATE TABLE actor_key (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    purpose             text        NOT NULL CHECK (purpose IN ('http-signature', 'assertion')),
    algorithm           text        NOT NULL CHECK (algorithm IN ('rsa-2048', 'ed25519')),
    fragment            text        NOT NULL,
    public_key          bytea       NOT NULL,
    encrypted_keyset    bytea       NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    retired             timestamptz,
    valid_until         timestamptz,
    UNIQUE (actor_id, fragment)
);

-- Exactly one active key per actor and purpose.
CREATE UNIQUE INDEX actor_key_one_active ON actor_key (actor_id, purpose) WHERE retired IS NULL;

-- A known value encrypted under the master key: tells "wrong master key" apart from "corrupt row".
CREATE TABLE master_key_check (
    id                  smallint    PRIMARY KEY CHECK (id = 1),
    ciphertext          bytea       NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);
