-- The merged calendar filtered by Land or municipality (issue 11, BENCHMARKS.md "Coordinator at scale"): the planner
-- starts from the few members of the Land and, without this index, read every post of each through post_author to
-- find its upcoming events (a Land's 125 members at 1,000,000 items: 53,000 pages, 385 ms). With it, a member's
-- events are a range by start (5-8 ms). Same predicate as post_calendar.
CREATE INDEX post_calendar_author ON post (author_id, event_starts(event))
    WHERE kind = 'event' AND visibility = 'public' AND deleted IS NULL;
