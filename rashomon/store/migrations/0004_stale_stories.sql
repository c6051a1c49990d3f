-- Stories whose articles changed since their slots were last reconciled. Linking marks them and
-- reconciling clears them, each in its own transaction, so an interrupted run leaves no story
-- unreconciled, and a story that grows through a long run is reconciled once at its end, not after
-- every batch (which cost time in proportion to the story's size, again and again).
CREATE TABLE stale_stories (
    story_id TEXT PRIMARY KEY
);
