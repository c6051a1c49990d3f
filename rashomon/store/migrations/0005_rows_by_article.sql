-- Extraction rows keyed by their article first. Their ids are content hashes, so a key on the id
-- alone put every new row on a different page of a large index: writing one article touched about
-- 170 random pages, and the cost per article grew with the store (measured as bench/store_scale.py
-- does: 4.9 ms per article at 2,500 stored, 19 ms at 100,000). Keyed by (article, id), an article's
-- rows sit together and are read by the same key. The indexes on mentions by entity and on claims by
-- predicate were never read, only written: dropped.
CREATE TABLE mentions_by_article (
    id         TEXT NOT NULL,
    entity_id  TEXT NOT NULL REFERENCES entities (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    role       TEXT,
    PRIMARY KEY (article_id, id)
);
INSERT INTO mentions_by_article SELECT id, entity_id, article_id, start, "end", text, role FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_by_article RENAME TO mentions;
CREATE TABLE quantities_by_article (
    id         TEXT NOT NULL,
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
    vals       TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
INSERT INTO quantities_by_article
    SELECT id, article_id, start, "end", text, low, high, approximate, unit, counted, kind, change, vals FROM quantities;
DROP TABLE quantities;
ALTER TABLE quantities_by_article RENAME TO quantities;
CREATE TABLE attributions_by_article (
    id         TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    start      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
INSERT INTO attributions_by_article SELECT id, article_id, start, "end", data FROM attributions;
DROP TABLE attributions;
ALTER TABLE attributions_by_article RENAME TO attributions;
CREATE TABLE events_by_article (
    id             TEXT NOT NULL,
    article_id     TEXT NOT NULL REFERENCES articles (id),
    type           TEXT NOT NULL,
    sub_type       TEXT,
    date           TEXT,
    date_precision TEXT,
    place          TEXT,
    actors         TEXT NOT NULL,
    targets        TEXT NOT NULL,
    modality       TEXT NOT NULL,
    mentions       TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
INSERT INTO events_by_article
    SELECT id, article_id, type, sub_type, date, date_precision, place, actors, targets, modality, mentions FROM events;
DROP TABLE events;
ALTER TABLE events_by_article RENAME TO events;
CREATE TABLE claims_by_article (
    id          TEXT NOT NULL,
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
    "end"         INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);
INSERT INTO claims_by_article
    SELECT id, article_id, event_id, subject, predicate, low, high, approximate, value_text, as_of, speaker, via, stance,
           start, "end"
    FROM claims;
DROP TABLE claims;
ALTER TABLE claims_by_article RENAME TO claims;
