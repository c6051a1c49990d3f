-- Links across articles: stories (streaming clusters), near-duplicate copies, reconciled slots.
CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    centroid TEXT NOT NULL,
    size     INTEGER NOT NULL,
    first    TEXT,
    last     TEXT
);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id   TEXT NOT NULL REFERENCES stories (id),
    similarity DOUBLE PRECISION NOT NULL,
    seq        INTEGER NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
);
CREATE TABLE term_postings (
    term     TEXT NOT NULL,
    story_id TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (term, story_id)
);
CREATE INDEX term_postings_recent ON term_postings (term, seq);
CREATE TABLE minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    signature  TEXT NOT NULL
);
CREATE TABLE minhash_bands (
    band       TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, article_id)
);
CREATE TABLE copies (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id),
    original_id TEXT NOT NULL REFERENCES articles (id),
    similarity  DOUBLE PRECISION NOT NULL
);
CREATE TABLE slots (
    id         TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX slots_story ON slots (story_id);
CREATE TABLE derived (
    id         TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX derived_story ON derived (story_id);
ALTER TABLE articles ADD COLUMN seq INTEGER;
CREATE INDEX articles_seq ON articles (seq);
