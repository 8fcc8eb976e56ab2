-- What apps call at start-up and to organise reading (issue 10): timeline markers, lists, followed hashtags and
-- filters. Lists, followed tags and filters belong to the municipality's account (in the apps the account *is* the
-- municipality); a marker is where one person read up to while acting as it, so colleagues keep their own places.

CREATE TABLE client_marker (
    person_id           bigint      NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    timeline            text        NOT NULL CHECK (timeline IN ('home', 'notifications')),
    last_read_id        text        NOT NULL CHECK (length(last_read_id) <= 64),
    version             integer     NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (person_id, account_id, timeline)
);

CREATE TABLE client_list (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 256),
    replies_policy      text        NOT NULL DEFAULT 'list' CHECK (replies_policy IN ('followed', 'list', 'none')),
    exclusive           boolean     NOT NULL DEFAULT false
);
CREATE INDEX client_list_account ON client_list (account_id, id);

CREATE TABLE client_list_member (
    list_id             bigint      NOT NULL REFERENCES client_list (id) ON DELETE CASCADE,
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    added               bigint      NOT NULL DEFAULT snowflake_id(),  -- pages the members, newest first
    PRIMARY KEY (list_id, account_id)
);
CREATE INDEX client_list_member_account ON client_list_member (account_id);

CREATE TABLE followed_tag (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name                text        NOT NULL CHECK (name = lower(name) AND length(name) BETWEEN 1 AND 100),
    UNIQUE (account_id, name)
);

CREATE TABLE client_filter (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    account_id          bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 256),
    context             text[]      NOT NULL CHECK (cardinality(context) > 0
                                        AND context <@ ARRAY['home', 'notifications', 'public', 'thread', 'account']),
    action              text        NOT NULL DEFAULT 'warn' CHECK (action IN ('warn', 'hide', 'blur')),
    expires_at          timestamptz
);
CREATE INDEX client_filter_account ON client_filter (account_id, id);

CREATE TABLE client_filter_keyword (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    filter_id           bigint      NOT NULL REFERENCES client_filter (id) ON DELETE CASCADE,
    keyword             text        NOT NULL CHECK (length(keyword) BETWEEN 1 AND 512),
    whole_word          boolean     NOT NULL DEFAULT true
);
CREATE INDEX client_filter_keyword_filter ON client_filter_keyword (filter_id);

CREATE TABLE client_filter_status (
    id                  bigint      PRIMARY KEY DEFAULT snowflake_id(),
    filter_id           bigint      NOT NULL REFERENCES client_filter (id) ON DELETE CASCADE,
    post_id             bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    UNIQUE (filter_id, post_id)
);

-- Hashtags stay in post.hashtags as the sender spelled them (local and received posts alike); tag timelines and
-- followed tags match them case-insensitively, as Mastodon does, over this index of the public ones.
CREATE FUNCTION lower_tags(tags text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_agg(lower(t)), '{}') FROM unnest(tags) t
$$;
CREATE INDEX post_public_tags ON post USING gin (lower_tags(hashtags)) WHERE visibility = 'public' AND deleted IS NULL;
