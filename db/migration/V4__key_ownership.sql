-- A key belongs to the actor it is under (issue 8, finding 3). remote_key used to take whatever owner
-- any actor document named, so one actor could list another's key id and take it over. A key id is
-- now only ever stored for an actor whose IRI it is under: the IRI itself with a fragment
-- (…/users/a#main-key) or a path below it (…/users/a/main-key). KeyOwnership.isUnder applies the same
-- rule in Java; this check makes a row that breaks it impossible.

-- Rows that break the rule came from another actor's document; the real owner's key is fetched again
-- on its next use.
DELETE FROM remote_key
WHERE NOT (rtrim(owner, '/') <> ''
           AND (split_part(key_id, '#', 1) = rtrim(owner, '/')
                OR starts_with(split_part(key_id, '#', 1), rtrim(owner, '/') || '/')));

ALTER TABLE remote_key ADD CONSTRAINT remote_key_under_owner CHECK (
    rtrim(owner, '/') <> ''
    AND (split_part(key_id, '#', 1) = rtrim(owner, '/')
         OR starts_with(split_part(key_id, '#', 1), rtrim(owner, '/') || '/')));
