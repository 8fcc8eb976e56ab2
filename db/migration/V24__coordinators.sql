-- Coordinator mode (issue 11): network offices hosted as actors of their own kind, the municipalities they
-- subscribe to, the backfill of those municipalities' outboxes, and where each aggregated item came from.
ALTER TABLE actor DROP CONSTRAINT actor_kind_check;
ALTER TABLE actor ADD CONSTRAINT actor_kind_check CHECK (kind IN ('municipality', 'instance', 'coordinator'));

-- A coordinator follows a municipality (the Follow itself is a normal follow row); this row says it aggregates it.
CREATE TABLE coordinator_subscription (
    coordinator_id      bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    municipality        text        NOT NULL,   -- actor IRI
    origin_host         text        NOT NULL,
    created             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (coordinator_id, municipality)
);
CREATE INDEX coordinator_subscription_municipality ON coordinator_subscription (municipality);

-- One durable backfill job per subscription, a leased queue like delivery and event_job: next_page is the cursor
-- (null: start at the outbox), written in the same transaction as the items of the page before it, so a restart
-- continues after the last page done and a process whose claim was taken over writes nothing.
CREATE TABLE coordinator_backfill (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    coordinator_id      bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    municipality        text        NOT NULL,
    outbox              text        NOT NULL,
    next_page           text,
    pages_done          integer     NOT NULL DEFAULT 0,
    items_done          integer     NOT NULL DEFAULT 0,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt        timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    done                timestamptz,
    failed              timestamptz,
    last_error          text,
    created             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (coordinator_id, municipality)
);
CREATE INDEX coordinator_backfill_pending ON coordinator_backfill (id) WHERE done IS NULL AND failed IS NULL;

-- The per-host pace of backfill fetches, shared by every process: each fetch takes the next free slot.
CREATE TABLE backfill_pace (
    host                text        PRIMARY KEY,
    next_slot           timestamptz NOT NULL
);

-- Provenance of each aggregated item: the node it came from, its object IRI, what its FEP-8b32 proof check found,
-- when it was first and last fetched, and whether it first came by backfill or by delivery.
CREATE TABLE aggregated_item (
    object_iri          text        PRIMARY KEY,
    origin_host         text        NOT NULL,
    attributed_to       text        NOT NULL,
    proof_status        text        NOT NULL CHECK (proof_status IN ('verified', 'invalid', 'absent')),
    proof_key           text,
    via                 text        NOT NULL CHECK (via IN ('backfill', 'delivery')),
    first_fetched       timestamptz NOT NULL DEFAULT now(),
    last_fetched        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aggregated_item_attributed ON aggregated_item (attributed_to);
