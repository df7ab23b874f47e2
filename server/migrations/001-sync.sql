-- Sync spaces, their devices and their encrypted operations (SYNC-API.md, protocol 1), and rate-limit counters.
-- The server stores ciphertext, ids and sequence numbers only.

CREATE TABLE spaces (
  id text PRIMARY KEY,
  -- sha256 of the bearer token; the token itself is never stored.
  token_hash bytea NOT NULL,
  -- The highest sequence number given to one of this space's operations. A push locks this row to number its
  -- operations, so pushes to one space commit in the order of their numbers.
  last_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  space_id text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  -- Ciphertext of the device's name, made on the device.
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  PRIMARY KEY (space_id, id)
);

CREATE TABLE ops (
  space_id text NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  id text NOT NULL,
  device text NOT NULL,
  iv text NOT NULL,
  data text NOT NULL,
  PRIMARY KEY (space_id, seq),
  UNIQUE (space_id, id)
);

-- Fixed-window request counters, e.g. bucket 'space:<id>' or 'addr:<ip>', window = start of the window in seconds.
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
