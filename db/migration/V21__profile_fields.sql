-- A municipality's profile as staff edit it from their apps (issue 10, PATCH /api/v1/accounts/update_credentials):
-- avatar and header (uploads of the municipality, kept while the profile shows them), the bot flag, the profile
-- fields (at most four name/value pairs; NULL until first edited, when the website stands as the only field) and
-- what apps preset for new posts (source[privacy|sensitive|language]).
ALTER TABLE actor
    ADD COLUMN avatar_media_id   uuid    REFERENCES media (id) ON DELETE SET NULL,
    ADD COLUMN header_media_id   uuid    REFERENCES media (id) ON DELETE SET NULL,
    ADD COLUMN bot               boolean NOT NULL DEFAULT false,
    ADD COLUMN profile_fields    jsonb   CHECK (jsonb_typeof(profile_fields) = 'array' AND jsonb_array_length(profile_fields) <= 4),
    ADD COLUMN default_privacy   text    NOT NULL DEFAULT 'public' CHECK (default_privacy IN ('public', 'unlisted', 'private', 'direct')),
    ADD COLUMN default_sensitive boolean NOT NULL DEFAULT false,
    ADD COLUMN default_language  text    CHECK (default_language ~ '^[a-z]{2}$');

-- Hashtag search (search v2, type=hashtags) matches names by prefix: an index that LIKE 'prefix%' can use whatever
-- the database's collation.
CREATE INDEX post_tag_name_prefix ON post_tag (name text_pattern_ops);
