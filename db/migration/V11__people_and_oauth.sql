-- People who log in (issue 10, stage 1) and act as municipalities, and OAuth 2 as Mastodon speaks it.
-- Secrets (session ids, reset links, client secrets, codes, tokens) are stored only as SHA-256 hashes:
-- each is 256 random bits, so a fast hash suffices. Passwords are Argon2id PHC strings.

-- A person: one login of their own. The staff web UI and single sign-on (OpenID Connect) attach to this
-- row later (an identity table keyed by issuer and subject), so nothing here assumes passwords.
CREATE TABLE person (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    email               text        NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    -- NULL until the person chose one through a one-time link.
    password_hash       text,
    disabled            timestamptz,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_email ON person (lower(email));

-- What a person may do for a municipality.
CREATE TABLE person_role (
    person_id           bigint      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    role                text        NOT NULL CHECK (role IN ('admin', 'editor')),
    PRIMARY KEY (person_id, actor_id)
);

-- Browser sessions, shared by every node process.
CREATE TABLE login_session (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash         bytea       NOT NULL UNIQUE,
    person_id           bigint      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now(),
    expires             timestamptz NOT NULL
);
CREATE INDEX login_session_expires ON login_session (expires);

-- One-time links to choose a password (after 'user create' and 'user reset-password').
CREATE TABLE password_reset (
    secret_hash         bytea       PRIMARY KEY,
    person_id           bigint      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now(),
    expires             timestamptz NOT NULL,
    used                timestamptz
);

-- Failed logins per account ('account:<username>') and per client address ('address:<ip>'), counted in a
-- window; shared by every node process, so spreading attempts over processes gains nothing.
CREATE TABLE login_throttle (
    key                 text        PRIMARY KEY,
    failures            integer     NOT NULL,
    window_start        timestamptz NOT NULL,
    locked_until        timestamptz
);

-- Who did what to a municipality's content: read by the municipality, never federated.
CREATE TABLE audit_entry (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    person_id           bigint      REFERENCES person (id) ON DELETE SET NULL,
    -- How the change came: 'staff-token:<id>' (CLI-issued, no person) or 'oauth-token:<id>'.
    credential          text        NOT NULL,
    action              text        NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    target_kind         text        NOT NULL,
    target_id           text        NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, id);

-- OAuth 2 clients registered through POST /api/v1/apps.
CREATE TABLE oauth_app (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id           text        NOT NULL UNIQUE,
    secret_hash         bytea       NOT NULL,
    name                text        NOT NULL,
    website             text,
    redirect_uris       text[]      NOT NULL,
    scopes              text[]      NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);

-- Authorization codes: short-lived, used once, bound to client, redirect URI and PKCE challenge.
CREATE TABLE oauth_code (
    secret_hash         bytea       PRIMARY KEY,
    app_id              bigint      NOT NULL REFERENCES oauth_app (id) ON DELETE CASCADE,
    person_id           bigint      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    actor_id            bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    redirect_uri        text        NOT NULL,
    scopes              text[]      NOT NULL,
    code_challenge      text,
    expires             timestamptz NOT NULL,
    used                timestamptz
);

-- Access tokens of apps: for a person acting as a municipality, or (client_credentials) for the app alone.
CREATE TABLE oauth_token (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash          bytea       NOT NULL UNIQUE,
    app_id              bigint      NOT NULL REFERENCES oauth_app (id) ON DELETE CASCADE,
    person_id           bigint      REFERENCES person (id) ON DELETE CASCADE,
    actor_id            bigint      REFERENCES actor (id) ON DELETE CASCADE,
    scopes              text[]      NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    last_used           timestamptz,
    revoked             timestamptz,
    CHECK ((person_id IS NULL) = (actor_id IS NULL))
);
