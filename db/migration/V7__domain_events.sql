-- Domain events: what happened (a post published, a follow, a like …), written in the same transaction
-- as the change itself, so an event exists exactly when its change does. Consumers (fan-out today;
-- notifications, streaming and search indexing later) react to them off the request path.
CREATE TABLE domain_event (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                text        NOT NULL,
    actor               text        NOT NULL,   -- IRI of who acted (a local or a remote actor)
    subject             text,                   -- IRI of what it is about: an object, an actor, an activity
    payload             jsonb       NOT NULL,
    created             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX domain_event_actor ON domain_event (actor, id);

-- One durable job per (consumer, event), created with the event: each consumer claims, retries and
-- finishes its jobs on its own, so a failing consumer never holds back another. Claimed with
-- FOR UPDATE SKIP LOCKED and a lease, like the inbox and delivery queues.
CREATE TABLE event_job (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer            text        NOT NULL,
    event_id            bigint      NOT NULL REFERENCES domain_event (id) ON DELETE CASCADE,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt        timestamptz NOT NULL DEFAULT now(),
    lease_until         timestamptz,
    done                timestamptz,
    failed              timestamptz,
    last_error          text,
    UNIQUE (consumer, event_id)
);
CREATE INDEX event_job_pending ON event_job (id) WHERE done IS NULL AND failed IS NULL;
