-- Topic groups (issue 11 point 8, FEP-1b12): one Group actor per field of action (Handlungsfeld) on each
-- coordinator. A group is a local actor of its own kind (keys, followers, inbox, outbox like any actor); it boosts
-- (Announce) the public items of its field and what municipalities address to it. Its boosts are reactions like
-- any boost, one per group and object (reaction's UNIQUE (kind, actor, object_iri)), so no table of their own.

-- The kind CHECK is replaced whatever its name and list were (as V25 does), keeping every kind allowed so far.
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'actor'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'
    LOOP
        EXECUTE format('ALTER TABLE actor DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE actor ADD CONSTRAINT actor_kind_check CHECK (kind IN ('municipality', 'instance', 'coordinator', 'relay', 'group'));

-- Which coordinator a group belongs to and which field of action (a Handlungsfeld code) it stands for.
CREATE TABLE topic_group (
    actor_id            bigint      PRIMARY KEY REFERENCES actor (id) ON DELETE CASCADE,
    coordinator_id      bigint      NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    field               text        NOT NULL,
    UNIQUE (coordinator_id, field)
);
CREATE INDEX topic_group_field ON topic_group (field);
