-- Feeds a watcher follows: how often, the validators of the last answer (ETag, Last-Modified), when it
-- may be asked again, how the last poll went, and every entry already taken (by its page URL).
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    outlet        TEXT,
    every_s       INTEGER NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    next_due      DOUBLE PRECISION NOT NULL,
    last_success  TEXT,
    last_error    TEXT,
    entries_seen  INTEGER NOT NULL
);
CREATE TABLE feed_entries (
    feed_url  TEXT NOT NULL,
    entry_url TEXT NOT NULL,
    outcome   TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (feed_url, entry_url)
);
