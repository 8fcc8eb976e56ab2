-- What a coordinator learns of other nodes and municipalities while it subscribes (issue 11, directory): each
-- node's software from its NodeInfo, and each municipality's follower count from its followers collection.
-- Both are facts as the other side states them, kept with when they were read; a later read replaces them.
CREATE TABLE remote_node (
    host                text        PRIMARY KEY,
    software_name       text        NOT NULL,
    software_version    text,
    fetched             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE remote_follower_count (
    actor_iri           text        PRIMARY KEY,
    followers           bigint      NOT NULL CHECK (followers >= 0),
    fetched             timestamptz NOT NULL DEFAULT now()
);
