-- The merged calendar (issue 11, point 4): every public event the node holds — its own and those received from other
-- nodes and Mobilizon-like peers — by start time, with filters. A coordinator aggregates the network into the same
-- post table, so the calendar reads only post (and the authors' accounts).
--
-- post.event keeps start and end as the ISO-8601 instants PostStore writes ("2026-03-03T17:00:00Z"). Casting text to
-- timestamptz is only STABLE in PostgreSQL (a text without offset would depend on the session's TimeZone), so an index
-- cannot use the cast itself. These functions may be IMMUTABLE because every stored value carries its offset ("Z").
CREATE FUNCTION event_starts(event jsonb) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (event ->> 'start')::timestamptz;

CREATE FUNCTION event_ends(event jsonb) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce((event ->> 'end')::timestamptz, (event ->> 'start')::timestamptz);

-- Only public events are calendar entries (FEP-8a8e: aggregated calendars show only events addressed to the public).
-- A window of start times is one range scan in start order, so the first page of a long calendar stops early; the
-- filters (Land, field of action, online/on site, municipality) are checked on the rows of that range.
CREATE INDEX post_calendar ON post (event_starts(event), id)
    WHERE kind = 'event' AND visibility = 'public' AND deleted IS NULL;
