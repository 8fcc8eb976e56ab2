-- Statuses written from Mastodon apps (issue 10, the write path).

-- What a person typed, as Mastodon keeps it: the plain text and content warning behind a status's HTML, for
-- GET /api/v1/statuses/:id/source (an app's edit form) and for the answer to a delete (delete and redraft).
CREATE TABLE status_source (
    post_id             bigint      PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    text                text        NOT NULL,
    spoiler_text        text        NOT NULL DEFAULT ''
);

-- The versions of an edited status, oldest first (Mastodon's StatusEdit): the first edit keeps the original too.
CREATE TABLE status_edit (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    post_id             bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    content             text        NOT NULL,              -- HTML as published
    spoiler_text        text        NOT NULL,
    sensitive           boolean     NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE INDEX status_edit_post ON status_edit (post_id, id);

-- The Idempotency-Key header of POST /api/v1/statuses: the same key with the same token within an hour answers
-- with the status the first request made. The row is written first in the posting transaction, so a second
-- request with the key waits for the first to commit and then finds its status.
CREATE TABLE status_idempotency (
    token_id            bigint      NOT NULL REFERENCES oauth_token (id) ON DELETE CASCADE,
    key                 text        NOT NULL,
    post_id             bigint      REFERENCES post (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (token_id, key)
);
