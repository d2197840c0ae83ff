-- Event ids have 1 to 256 characters (docs/event-schema.md), but the event log and the events a merge moved kept only
-- 200: a valid event with a longer id could be neither appended nor moved by a merge. Widening a VARCHAR keeps every
-- row as it is; PostgreSQL rewrites neither the table nor the primary key's index for it.

ALTER TABLE event_log ALTER COLUMN event_id SET DATA TYPE VARCHAR(256);
ALTER TABLE merge_moved_event ALTER COLUMN event_id SET DATA TYPE VARCHAR(256);
