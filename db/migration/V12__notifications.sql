-- Notifications for the client API (issue 10): what remote (or other local) accounts did to a local account —
-- followed it or asked to, mentioned it, favourited or boosted its post, edited a post it boosted. Written by the
-- notifications consumer of the domain events (V7), once per event and recipient: a retried job finds its row
-- and writes nothing. Ids are snowflakes (V8), so apps page by max_id/min_id over the index below.
CREATE TABLE notification (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,  -- the local account notified
    from_account_id     bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,  -- who acted
    type                text        NOT NULL CHECK (type IN ('follow', 'follow_request', 'mention', 'reblog',
                                        'favourite', 'update', 'status', 'poll')),
    post_id             bigint      REFERENCES post (id) ON DELETE CASCADE,              -- the status, for the types that have one
    -- The domain event it came from. No foreign key: the event log may be pruned, the notification stays.
    event_id            bigint      NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, account_id)
);
CREATE INDEX notification_account ON notification (account_id, id DESC);
-- Taking a favourite, boost or follow back removes its notification (as Mastodon destroys it with its activity).
CREATE INDEX notification_from ON notification (account_id, from_account_id, type);
CREATE INDEX notification_post ON notification (post_id) WHERE post_id IS NOT NULL;

-- Search v2 over statuses: a plain word match over title, summary and text of every language, without stemming
-- (posts come in German, English and more; the coordinator's full-text search is a later issue). Tags inside the
-- HTML are no words to the parser, so they are not matched.
CREATE INDEX post_words ON post USING gin ((
    jsonb_to_tsvector('simple'::regconfig, name, '["string"]') ||
    jsonb_to_tsvector('simple'::regconfig, summary, '["string"]') ||
    jsonb_to_tsvector('simple'::regconfig, content, '["string"]'))) WHERE deleted IS NULL;
