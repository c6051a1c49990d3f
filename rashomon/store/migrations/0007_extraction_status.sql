-- How each article's extraction went: "ok", or "failed" with its reason, so that a failed article can be
-- found and extracted again (`rashomon reextract --failed`). Articles stored before this migration have
-- no row; those with extracted records are marked ok.
CREATE TABLE extraction_status (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    status     TEXT NOT NULL,
    reason     TEXT,
    at         TEXT NOT NULL
);
INSERT INTO extraction_status (article_id, status, reason, at)
    SELECT a.id, 'ok', NULL, a.ingested_at FROM articles a
    WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)
       OR EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)
       OR EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id);
