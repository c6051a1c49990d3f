-- Articles and rejected inputs.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    origin      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    outlet      TEXT,
    url         TEXT,
    published   TEXT,
    title       TEXT,
    byline      TEXT,
    author_bio  TEXT,
    site_name   TEXT,
    encoding    TEXT NOT NULL,
    furniture   TEXT NOT NULL,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE TABLE rejections (
    id         TEXT PRIMARY KEY,
    origin     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
