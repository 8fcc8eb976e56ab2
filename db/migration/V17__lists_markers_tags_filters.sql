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

-- Hashtags stay in post.hashtags as the sender spelled them; public posts' tags are also rows here, lower-case (as
-- Mastodon matches them), kept by a trigger so every path that stores a post (local or received) fills it. Tag timelines
-- and followed tags read these: the planner has real statistics per tag, so a rare or unknown tag is found through the
-- index instead of by walking the public timeline (a GIN index over the arrays took a second for an unknown tag at
-- 300,000 posts).
CREATE TABLE post_tag (
    name                text        NOT NULL,
    post_id             bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    PRIMARY KEY (name, post_id)
);
CREATE INDEX post_tag_post ON post_tag (post_id);

CREATE FUNCTION post_tags_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM post_tag WHERE post_id = NEW.id;
    END IF;
    IF NEW.visibility = 'public' THEN
        INSERT INTO post_tag (name, post_id)
        SELECT DISTINCT lower(t), NEW.id FROM unnest(NEW.hashtags) t WHERE t <> '' ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER post_tags AFTER INSERT OR UPDATE OF hashtags, visibility ON post FOR EACH ROW EXECUTE FUNCTION post_tags_sync();

INSERT INTO post_tag (name, post_id)
SELECT DISTINCT lower(t), p.id FROM post p, unnest(p.hashtags) t WHERE p.visibility = 'public' AND t <> '' ON CONFLICT DO NOTHING;
