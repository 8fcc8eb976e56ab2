-- Media for Mastodon apps (issue 10): what an image is (size, BlurHash, focal point), its preview, and the local post
-- it is attached to. A preview is a media row of its own (served like any file), removed with its original.
ALTER TABLE media
    ADD COLUMN width          integer CHECK (width > 0),
    ADD COLUMN height         integer CHECK (height > 0),
    ADD COLUMN blurhash       text,
    ADD COLUMN preview_id     uuid,
    ADD COLUMN preview_width  integer,
    ADD COLUMN preview_height integer,
    ADD COLUMN focus_x        real NOT NULL DEFAULT 0 CHECK (focus_x BETWEEN -1 AND 1),
    ADD COLUMN focus_y        real NOT NULL DEFAULT 0 CHECK (focus_y BETWEEN -1 AND 1),
    ADD COLUMN preview_of     uuid REFERENCES media (id) ON DELETE CASCADE,
    ADD COLUMN attached_to    text;  -- the IRI of the local post that shows it; NULL while unattached
CREATE INDEX media_attached_to ON media (attached_to) WHERE attached_to IS NOT NULL;

-- Polls of posts (a received Question; the post's id is the poll's id in the client API). The counts are the
-- author's: its server counts, and tells them in Update(Question).
CREATE TABLE poll (
    post_id       bigint      PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    multiple      boolean     NOT NULL,
    options       jsonb       NOT NULL,  -- [{"title": "...", "votes": 3}, ...] in the author's order
    expires_at    timestamptz,
    closed        timestamptz,           -- when the author closed it, if it said so
    voters_count  integer
);

-- Votes of local accounts, once per account and poll (the author's server counts them; this keeps apps from voting
-- twice and shows what was chosen). iri is the Note that carried the choice.
CREATE TABLE poll_vote (
    post_id     bigint      NOT NULL REFERENCES poll (post_id) ON DELETE CASCADE,
    account_id  bigint      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    choice      integer     NOT NULL CHECK (choice >= 0),
    iri         text        NOT NULL UNIQUE,
    created     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, account_id, choice)
);
