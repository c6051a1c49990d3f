-- A claim's frame (what the figure measures: measure, counted class, owners, period, part of a whole,
-- context words), its figure's own characters, the tolerance of an approximate figure and who disputes
-- it, as one JSON object. Claims stored before this migration have none: they are re-read as claims
-- without a frame, which reconciliation lines up by predicate alone.
ALTER TABLE claims ADD COLUMN detail TEXT;
