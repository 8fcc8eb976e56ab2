-- What a municipality does to posts and accounts from its Mastodon apps (issue 10): bookmarks, pinned posts,
-- blocks, mutes, private notes on accounts, blocked domains, and how it follows (boosts shown, notify,
-- languages). All of it belongs to one local account (account_id); none of it is another municipality's.
-- Ids are snowflakes: the client API pages over them (Link headers carry them as max_id/min_id).

-- Mastodon's follow options: whether the follower's home shows the followee's boosts, whether it is told
-- of each new post, and which languages it wants (NULL: all).
ALTER TABLE follow
    ADD COLUMN show_reblogs boolean NOT NULL DEFAULT true,
    ADD COLUMN notify       boolean NOT NULL DEFAULT false,
    ADD COLUMN languages    text[];

CREATE TABLE bookmark (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    post_id             bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, post_id)
);
CREATE INDEX bookmark_account ON bookmark (account_id, id DESC);

-- Only the author's own public or unlisted posts (the service checks; the featured collection lists them).
CREATE TABLE status_pin (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    post_id             bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, post_id)
);
CREATE INDEX status_pin_account ON status_pin (account_id, id DESC);

-- A municipality blocks an account: the Block activity (activity_iri) went to it, an Undo names it later.
CREATE TABLE account_block (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target_id           bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    activity_iri        text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, target_id)
);
CREATE INDEX account_block_target ON account_block (target_id);

-- Mutes never leave the node.
CREATE TABLE account_mute (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target_id           bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    notifications       boolean     NOT NULL DEFAULT true,
    expires_at          timestamptz,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, target_id)
);

CREATE TABLE account_note (
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    target_id           bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    note                text        NOT NULL,
    PRIMARY KEY (account_id, target_id)
);

-- A domain one municipality hides (not the node's operators' domain_block): lower-case host as typed.
CREATE TABLE account_domain_block (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    domain              text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, domain)
);
