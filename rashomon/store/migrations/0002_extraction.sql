-- What extraction reads out of each article. Every row carries its article and character offsets.
CREATE TABLE entities (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    geo  TEXT
);
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id),
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE mentions (
    id         TEXT PRIMARY KEY,
    entity_id  TEXT NOT NULL REFERENCES entities (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    role       TEXT
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE quantities (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    low        DOUBLE PRECISION NOT NULL,
    high       DOUBLE PRECISION NOT NULL,
    approximate INTEGER NOT NULL,
    unit       TEXT,
    counted    TEXT,
    kind       TEXT NOT NULL,
    change     TEXT NOT NULL,
    vals       TEXT NOT NULL
);
CREATE INDEX quantities_article ON quantities (article_id);
CREATE TABLE attributions (
    id         TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX attributions_article ON attributions (article_id);
CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (id),
    type           TEXT NOT NULL,
    sub_type       TEXT,
    date           TEXT,
    date_precision TEXT,
    place          TEXT,
    actors         TEXT NOT NULL,
    targets        TEXT NOT NULL,
    modality       TEXT NOT NULL,
    mentions       TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);
CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id),
    event_id    TEXT,
    subject     TEXT NOT NULL,
    predicate   TEXT NOT NULL,
    low         DOUBLE PRECISION NOT NULL,
    high        DOUBLE PRECISION NOT NULL,
    approximate INTEGER NOT NULL,
    value_text  TEXT NOT NULL,
    as_of       TEXT,
    speaker     TEXT,
    via         TEXT NOT NULL,
    stance      TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_predicate ON claims (predicate);
