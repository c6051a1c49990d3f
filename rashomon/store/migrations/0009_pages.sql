-- The page an article was fetched from (zlib-compressed, base64 text so that both engines store it
-- alike), so that its text can be read again from the page without fetching it again.
CREATE TABLE pages (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    data       TEXT NOT NULL
);
