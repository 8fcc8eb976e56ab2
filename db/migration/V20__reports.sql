-- Reports (issue 10): a municipality reports an account (and some of its posts) from its Mastodon app, and other
-- servers report accounts and posts of this node with a Flag. Both are kept here for moderation; the person who
-- filed one from an app is in the audit trail (V11), as for posts. Ids are snowflakes (V8), like every client API id.
CREATE TABLE report (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    -- The Flag that carried it: the one sent (forwarded) or received; NULL for a report kept only here.
    -- One Flag may name accounts of several municipalities: one report each, once (a redelivery files none).
    iri                 text,
    received            boolean     NOT NULL,                                                    -- false: filed from an app here
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,         -- who reported
    target_account_id   bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,         -- who was reported
    -- The reported posts (the target's). No foreign key: a report outlives a deleted post, as Mastodon keeps it.
    status_ids          bigint[]    NOT NULL DEFAULT '{}',
    comment             text        NOT NULL DEFAULT '',
    category            text        NOT NULL CHECK (category IN ('spam', 'legal', 'violation', 'other')),
    rule_ids            text[]      NOT NULL DEFAULT '{}',
    forwarded           boolean     NOT NULL DEFAULT false,
    action_taken_at     timestamptz,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_flag ON report (iri, target_account_id);
CREATE INDEX report_target ON report (target_account_id, id DESC);
CREATE INDEX report_account ON report (account_id, id DESC);

-- Mastodon's conversation mute: an account hears nothing more of a thread (no notifications of mentions, replies,
-- favourites or boosts in it) and its posts show "muted". A thread is named by its root: the IRI of the first post
-- up the inReplyTo chain, or the IRI that chain names last where the node lacks the post.
CREATE TABLE conversation_mute (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    thread              text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (account_id, thread)
);

-- The root of a post's thread (see conversation_mute), at most 100 steps up; NULL for no such post.
CREATE FUNCTION post_thread(post_id bigint) RETURNS text LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(iri, parent, depth) AS (
        SELECT p.iri, p.in_reply_to, 0 FROM post p WHERE p.id = post_id
        UNION ALL
        SELECT p.iri, p.in_reply_to, up.depth + 1 FROM post p JOIN up ON p.iri = up.parent WHERE up.depth < 100
    ) SELECT COALESCE(parent, iri) FROM up ORDER BY depth DESC LIMIT 1
$$;
