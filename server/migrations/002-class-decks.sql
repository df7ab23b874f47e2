-- Class decks (server/routes/classes.ts): an instructor's published versions, readable by anyone with the class link,
-- and, from students who opt in, anonymous per-card counts. The owner key and the students' tokens are stored only as
-- sha256 hashes.

CREATE TABLE classes (
  -- 160 random bits in base32, made by the server: the class link's unguessable part.
  id text PRIMARY KEY,
  owner_hash bytea NOT NULL,
  latest_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set when the instructor unpublishes: versions and progress are deleted, the row stays so links say so.
  unpublished_at timestamptz
);

CREATE TABLE class_versions (
  class_id text NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
  version integer NOT NULL,
  note text NOT NULL,
  title text NOT NULL,
  cards integer NOT NULL,
  -- JSON list of the version's card ids, to check progress reports without parsing the deck.
  card_ids text NOT NULL,
  -- The deck as the validator returned it (never the raw request body), JSON.
  deck text NOT NULL,
  published_at bigint NOT NULL,
  PRIMARY KEY (class_id, version)
);

-- One row per student sharing progress, holding nothing but a hash of a random token the student's app made, so the
-- minimum cohort counts real students and a student can stop sharing. No name, no progress.
CREATE TABLE class_students (
  class_id text NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL,
  PRIMARY KEY (class_id, token_hash)
);

-- Per card only: how many sharing students reviewed it, their reviews and how many were answered Again.
CREATE TABLE class_card_progress (
  class_id text NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
  card_id text NOT NULL,
  students integer NOT NULL,
  reviews integer NOT NULL,
  again integer NOT NULL,
  PRIMARY KEY (class_id, card_id)
);
