-- Curation and automatic subscription of coordinators (issue 11, points 9 and 1).

-- A coordinator features an item by pinning it (status_pin, V13: its featured collection) and boosting it; search
-- and directory mark an item "empfohlen" when a coordinator's account pinned it, so they ask status_pin by post.
CREATE INDEX status_pin_post ON status_pin (post_id);

-- Coordinators that subscribe automatically to the municipalities they learn of.
CREATE TABLE coordinator_auto (
    coordinator_id      bigint      PRIMARY KEY REFERENCES actor (id) ON DELETE CASCADE,
    created             timestamptz NOT NULL DEFAULT now()
);

-- What an automatic coordinator learnt of and has yet to look at, a leased queue like coordinator_backfill:
--   actor  a municipality whose public activity reached the node through a relay (subscribe to it alone),
--   node   a server whose NodeInfo may say it is an Allmende node (subscribe to every municipality it lists),
--   graph  a subscribed municipality whose followers and following name further servers (each becomes a node row).
-- One row per coordinator, kind and candidate, ever: what was looked at once is never looked at again.
CREATE TABLE coordinator_discovery (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    coordinator_id      bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    kind                text        NOT NULL CHECK (kind IN ('actor', 'node', 'graph')),
    candidate           text        NOT NULL,
    source              text        NOT NULL,   -- how it was learnt: relay, follow graph of …, auto on
    outcome             text,                   -- what came of it, for the CLI's list
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt        timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    done                timestamptz,
    failed              timestamptz,
    last_error          text,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (coordinator_id, kind, candidate)
);
CREATE INDEX coordinator_discovery_pending ON coordinator_discovery (id) WHERE done IS NULL AND failed IS NULL;
