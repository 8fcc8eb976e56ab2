-- Follows and reactions keyed by account and post ids (issue 9), and boosts as posts (Mastodon's reblogs).
--
-- What stays as text, and why:
--   follow.follower / follow.followee and reaction.actor stay as the IRIs of the two sides, denormalised. A local
--   account has no IRI in `account` (it derives from the public URL, which the database does not know), and
--   what reads these rows mostly hands IRIs to the network: followers/following/liked collections list them,
--   Accept/Undo name them, and caches of rendered documents are dropped by IRI. Identity is the ids: uniqueness,
--   lookups and joins (fan-out finds follower inboxes by follower_id) use them; the IRI columns are written
--   from the same accounts and never change (an account's IRI is its identity on the network).
--   reaction.object_iri stays because a reaction may name an object that is no post here (see post_id).
--   activity_iri stays: Accept, Reject and Undo refer to it, and Mastodon's Follow ids cannot be dereferenced.
--
-- Local accounts keep no IRI (as in V8): the code finds them by local_actor_id (or a handle parsed by the route
-- table) and builds their IRI from the public URL. Storing it would put the public URL into the database, to be
-- rewritten whenever the node moves, and every process would have to agree on it before the first write.

-- Rows written before this migration name accounts by IRI. Remote accounts carry their IRI; a local account is
-- found by the actor route's path (<public URL>/actors/<handle>), on the public URL this node has published under
-- (its own activities and objects name it) — or, on a node that never published, by the path alone.
CREATE TEMPORARY TABLE local_prefix ON COMMIT DROP AS
    SELECT DISTINCT substring(actor FROM '^(https?://.+)/actors/[^/]+$') AS prefix FROM activity
        WHERE local_actor_id IS NOT NULL AND actor ~ '^https?://.+/actors/[^/]+$'
    UNION
    SELECT DISTINCT substring(attributed_to FROM '^(https?://.+)/actors/[^/]+$') FROM ap_object
        WHERE local_actor_id IS NOT NULL AND attributed_to ~ '^https?://.+/actors/[^/]+$';

CREATE FUNCTION pg_temp.account_of(name text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT id FROM (
        SELECT a.id, 1 AS rank FROM account a WHERE a.iri = name
        UNION ALL
        SELECT a.id, 2 FROM actor JOIN account a ON a.local_actor_id = actor.id
            WHERE substring(name FROM '^https?://.+/actors/([^/?#]+)$') = actor.handle
              AND (NOT EXISTS (SELECT 1 FROM local_prefix)
                   OR EXISTS (SELECT 1 FROM local_prefix p WHERE name = p.prefix || '/actors/' || actor.handle))
    ) found ORDER BY rank LIMIT 1
$$;

-- ---------------------------------------------------------------- follow
ALTER TABLE follow
    ADD COLUMN follower_id bigint REFERENCES account (id) ON DELETE CASCADE,
    ADD COLUMN followee_id bigint REFERENCES account (id) ON DELETE CASCADE;

UPDATE follow SET follower_id = pg_temp.account_of(follower), followee_id = pg_temp.account_of(followee);
-- A side with no account is an actor this node has no record of: nothing could be delivered to it, shown of it,
-- or answered by it (fan-out already joined remote_actor), so such rows go.
DELETE FROM follow WHERE follower_id IS NULL OR followee_id IS NULL;

ALTER TABLE follow
    ALTER COLUMN follower_id SET NOT NULL,
    ALTER COLUMN followee_id SET NOT NULL,
    DROP CONSTRAINT follow_follower_followee_key,
    ADD CONSTRAINT follow_follower_id_followee_id_key UNIQUE (follower_id, followee_id);
DROP INDEX follow_followee;
CREATE INDEX follow_followee ON follow (followee_id, state, id);
CREATE INDEX follow_follower ON follow (follower_id, id);

-- ---------------------------------------------------------------- reaction
-- post_id is nullable: a Like or Announce may name an object that is no post here — a boost by someone nobody
-- here follows is only counted (its object is not fetched, as Mastodon does), a Like may name a comment of
-- another server or an object by URL (Mastodon's 2018 Announce) — and the reaction still counts. A post that
-- arrives later is linked by the trigger below.
ALTER TABLE reaction
    ADD COLUMN account_id bigint REFERENCES account (id) ON DELETE CASCADE,
    ADD COLUMN post_id bigint REFERENCES post (id) ON DELETE CASCADE;

UPDATE reaction r SET account_id = pg_temp.account_of(r.actor),
                      post_id = (SELECT p.id FROM post p WHERE p.iri = r.object_iri);
DELETE FROM reaction WHERE account_id IS NULL; -- by an actor this node has no record of (see follow)

ALTER TABLE reaction
    ALTER COLUMN account_id SET NOT NULL,
    DROP CONSTRAINT reaction_kind_actor_object_iri_key,
    ADD CONSTRAINT reaction_kind_account_id_object_iri_key UNIQUE (kind, account_id, object_iri);
CREATE INDEX reaction_post ON reaction (post_id, kind) WHERE post_id IS NOT NULL;
CREATE INDEX reaction_account ON reaction (account_id, kind, id);

CREATE FUNCTION reaction_link_post() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reaction SET post_id = NEW.id WHERE post_id IS NULL AND object_iri = NEW.iri;
    RETURN NEW;
END $$;
CREATE TRIGGER post_links_reactions AFTER INSERT ON post FOR EACH ROW EXECUTE FUNCTION reaction_link_post();

-- ---------------------------------------------------------------- boosts as posts
-- A boost (an Announce received, or one of ours) is a post of its own, as Mastodon's reblog is a status with
-- reblog_of_id: its IRI is the Announce's id, its author the booster, its audience the Announce's. It exists
-- when the boosted object is a post here; the announce reaction (the count) exists either way.
ALTER TABLE post
    ADD COLUMN reblog_of_id bigint REFERENCES post (id) ON DELETE CASCADE,
    DROP CONSTRAINT post_kind_check,
    ADD CONSTRAINT post_kind_check CHECK (kind IN ('note', 'article', 'page', 'question', 'event',
        'project', 'project_update', 'lesson', 'working_aid', 'boost')),
    ADD CONSTRAINT post_boost_names_original CHECK ((kind = 'boost') = (reblog_of_id IS NOT NULL));
CREATE UNIQUE INDEX post_one_boost_per_account ON post (author_id, reblog_of_id) WHERE reblog_of_id IS NOT NULL;
CREATE INDEX post_reblog_of ON post (reblog_of_id) WHERE reblog_of_id IS NOT NULL;

-- to/cc as addressed: a bare IRI or a list of them.
CREATE FUNCTION pg_temp.iri_list(addressed jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(addressed)
        WHEN 'array' THEN COALESCE((SELECT jsonb_agg(e) FROM jsonb_array_elements(addressed) e WHERE jsonb_typeof(e) = 'string'), '[]')
        WHEN 'string' THEN jsonb_build_array(addressed)
        ELSE '[]'::jsonb END
$$;

-- Boosts already received or made: their Announce reactions whose object is a post.
INSERT INTO post (iri, author_id, author_iri, kind, visibility, audience, reblog_of_id, origin_host, published)
SELECT r.activity_iri, r.account_id, r.actor, 'boost',
       CASE WHEN act.public THEN 'public' ELSE 'followers' END,
       jsonb_build_object('to', pg_temp.iri_list(act.raw->'to'), 'cc', pg_temp.iri_list(act.raw->'cc')),
       r.post_id,
       CASE WHEN acc.remote_actor_id IS NULL THEN NULL ELSE substring(r.actor FROM '^https?://([^/]+)') END,
       r.created
FROM reaction r
JOIN account acc ON acc.id = r.account_id
LEFT JOIN activity act ON act.iri = r.activity_iri
WHERE r.kind = 'announce' AND r.post_id IS NOT NULL
ON CONFLICT DO NOTHING;
