const PG_OVERVIEW_COLUMNS = `
  ALTER TABLE records
    ADD COLUMN IF NOT EXISTS ov_household TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'visit' THEN data::jsonb ->> 'householdId' END) STORED,
    ADD COLUMN IF NOT EXISTS ov_at TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'visit' THEN data::jsonb ->> 'visitedAt' END) STORED,
    ADD COLUMN IF NOT EXISTS ov_groups TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'household' THEN data::jsonb ->> 'keyGroups' END) STORED,
    ADD COLUMN IF NOT EXISTS ov_own INTEGER GENERATED ALWAYS AS (CASE WHEN kind = 'household' THEN (data::jsonb ->> 'visitCadenceDays')::int END) STORED,
    ADD COLUMN IF NOT EXISTS ov_live BOOLEAN GENERATED ALWAYS AS (CASE WHEN kind = 'household' THEN (data::jsonb ->> 'deleted') = 'false' END) STORED,
    ADD COLUMN IF NOT EXISTS ov_state TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'wish' THEN data::jsonb ->> 'state' END) STORED;
  CREATE INDEX IF NOT EXISTS records_ov_visits ON records (community_id, ov_household, ov_at) WHERE kind = 'visit';
  CREATE INDEX IF NOT EXISTS records_ov_households ON records (community_id, id) INCLUDE (ov_groups, ov_own, ov_live) WHERE kind = 'household';
  CREATE INDEX IF NOT EXISTS records_ov_wishes ON records (community_id, ov_state) WHERE kind = 'wish';
`

const PHOTO_GRIDS = `
  CREATE TABLE photo_grids (sha256 TEXT NOT NULL, grid_id TEXT NOT NULL, PRIMARY KEY (sha256, grid_id));`

/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * The list only grows: never edit a migration that has shipped, add the next one.
 * `{{blob}}`, `{{bigint}}` and `{{serial}}` are replaced per dialect.
 */
export type Migration = string | { sqlite: string; postgres: string }

export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE communities (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE grids (
    id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    worker_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX grids_community ON grids(community_id);
  CREATE INDEX grids_worker ON grids(worker_id);
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    community_id TEXT,
    phone TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at {{bigint}} NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at {{bigint}} NOT NULL,
    last_used_at {{bigint}} NOT NULL,
    expires_at {{bigint}} NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE clients (
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    last_seq {{bigint}} NOT NULL,
    PRIMARY KEY (client_id, user_id)
  );
  CREATE TABLE community_seq (community_id TEXT PRIMARY KEY, seq {{bigint}} NOT NULL);
  CREATE TABLE records (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    grid_id TEXT NOT NULL,
    community_id TEXT NOT NULL,
    data TEXT NOT NULL,
    seq {{bigint}} NOT NULL,
    PRIMARY KEY (kind, id)
  );
  CREATE INDEX records_grid_seq ON records(grid_id, seq);
  CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    grid_id TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX conflicts_community ON conflicts(community_id);
  CREATE TABLE audit (
    id {{serial}},
    at {{bigint}} NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    grid_id TEXT NOT NULL,
    community_id TEXT NOT NULL,
    bytes {{blob}} NOT NULL,
    created_at {{bigint}} NOT NULL
  );
  `,
  // A rejected mutation is remembered with its reason, so a retry whose first reply was
  // lost is answered with the same rejection instead of a bare `duplicate` (docs/sync.md, guarantee 7).
  `
  CREATE TABLE push_rejections (
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    seq {{bigint}} NOT NULL,
    mutation_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (client_id, user_id, seq)
  );
  `,
  // Issue 16: a password set by an admin must be changed at the next login; login
  // throttling counters live in the database so every server process sees them; the
  // audit log is read by community and by time (and pruned by time, never under 6 months).
  `
  ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at {{bigint}} NOT NULL,
    blocked_until {{bigint}} NOT NULL
  );
  ALTER TABLE audit ADD COLUMN community_id TEXT;
  UPDATE audit SET community_id = (SELECT community_id FROM users WHERE users.id = audit.user_id);
  CREATE INDEX audit_at ON audit(at);
  CREATE INDEX audit_community_at ON audit(community_id, at);
  `,
  // When an account was disabled: its device may still upload what was made before
  // (an unsent week of visits is not lost), and nothing made after.
  `
  ALTER TABLE users ADD COLUMN disabled_at {{bigint}};
  `,
  // A photo is granted per (photo, grid) pair: the grid it was uploaded for and every grid
  // holding a record that names it, so a second grid naming the same bytes can read them
  // (before, the first uploader's grid owned them). Filled from what is already stored;
  // reading the records' JSON differs per dialect.
  {
    sqlite: `
  ${PHOTO_GRIDS}
  INSERT INTO photo_grids (sha256, grid_id) SELECT sha256, grid_id FROM photos WHERE true ON CONFLICT DO NOTHING;
  INSERT INTO photo_grids (sha256, grid_id)
    SELECT DISTINCT json_extract(p.value, '$.sha256'), r.grid_id FROM records r, json_each(r.data, '$.photos') p
    WHERE r.kind = 'visit' AND json_extract(p.value, '$.sha256') IS NOT NULL ON CONFLICT DO NOTHING;
  INSERT INTO photo_grids (sha256, grid_id)
    SELECT DISTINCT json_extract(r.data, '$.fulfilment.photo.sha256'), r.grid_id FROM records r
    WHERE r.kind = 'wish' AND json_extract(r.data, '$.fulfilment.photo.sha256') IS NOT NULL ON CONFLICT DO NOTHING;
  `,
    postgres: `
  ${PHOTO_GRIDS}
  INSERT INTO photo_grids (sha256, grid_id) SELECT sha256, grid_id FROM photos ON CONFLICT DO NOTHING;
  INSERT INTO photo_grids (sha256, grid_id)
    SELECT DISTINCT p->>'sha256', r.grid_id FROM records r, jsonb_array_elements(r.data::jsonb->'photos') p
    WHERE r.kind = 'visit' AND p->>'sha256' IS NOT NULL ON CONFLICT DO NOTHING;
  INSERT INTO photo_grids (sha256, grid_id)
    SELECT DISTINCT r.data::jsonb #>> '{fulfilment,photo,sha256}', r.grid_id FROM records r
    WHERE r.kind = 'wish' AND r.data::jsonb #>> '{fulfilment,photo,sha256}' IS NOT NULL ON CONFLICT DO NOTHING;
  `,
  },
  // The newest field HLC stored in each community, kept with its change counter (a push
  // locks that row anyway). Every server process starts its clock from it and observes it
  // on each call, so a reply's HLC is past every stored one even after a restart or from
  // another process (issue 15, finding 1). Existing rows learn it from their records.
  `
  ALTER TABLE community_seq ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
  UPDATE community_seq SET hlc = COALESCE((
    SELECT MAX(j.value) FROM records r, {{hlcEach}} j WHERE r.community_id = community_seq.community_id
  ), '');
  `,
  // Grid-assignment history and the loss notices each device was sent: a worker's change
  // to a grid made while it was still hers is accepted after the grid moved (docs/sync.md
  // guarantee 6; issue 15, finding 3). Grids held now were held since the beginning.
  `
  CREATE TABLE grid_assignments (
    grid_id TEXT NOT NULL,
    worker_id TEXT NOT NULL,
    from_at {{bigint}} NOT NULL,
    to_at {{bigint}},
    PRIMARY KEY (grid_id, worker_id, from_at)
  );
  INSERT INTO grid_assignments (grid_id, worker_id, from_at, to_at) SELECT id, worker_id, 0, NULL FROM grids WHERE worker_id IS NOT NULL;
  CREATE TABLE grid_loss_notices (
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    grid_id TEXT NOT NULL,
    told_hlc TEXT NOT NULL,
    told_seq {{bigint}},
    hold_end {{bigint}} NOT NULL,
    PRIMARY KEY (client_id, user_id, grid_id)
  );
  `,
  // Each device's upload watermark, as it reported it at its last contact: what the
  // console shows before a grid is taken from a worker or her account is disabled.
  // (This and the next are idempotent: a test rewinds an earlier migration and replays.)
  `
  CREATE TABLE IF NOT EXISTS device_reports (
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    last_contact_at {{bigint}} NOT NULL,
    last_push_at {{bigint}},
    pending INTEGER,
    PRIMARY KEY (client_id, user_id)
  );
  CREATE INDEX IF NOT EXISTS device_reports_user ON device_reports(user_id);
  `,
  // The district overview's facts as columns PostgreSQL fills at write time (generated,
  // stored), so counting 1.6 million records reads small indexed columns instead of
  // parsing every record's JSON. SQLite, for one community, reads the JSON directly.
  { sqlite: 'SELECT 1;', postgres: PG_OVERVIEW_COLUMNS },
  // A visit's outcome for the overview, which counts no attempt (nobody home) as a visit.
  // The index the overview reads visits by gains it, so the count stays index-only.
  {
    sqlite: 'SELECT 1;',
    postgres: `
  ALTER TABLE records ADD COLUMN IF NOT EXISTS ov_outcome TEXT GENERATED ALWAYS AS (CASE WHEN kind = 'visit' THEN data::jsonb ->> 'outcome' END) STORED;
  DROP INDEX IF EXISTS records_ov_visits;
  CREATE INDEX IF NOT EXISTS records_ov_visits ON records (community_id, ov_household, ov_at) INCLUDE (ov_outcome) WHERE kind = 'visit';`,
  },
]

export const SCHEMA_DB_VERSION = MIGRATIONS.length

/** The SQL of one migration for a dialect. */
export function migrationSql(index: number, dialect: 'sqlite' | 'postgres'): string {
  const migration = MIGRATIONS[index] ?? ''
  const sql = typeof migration === 'string' ? migration : migration[dialect]
  const pg = dialect === 'postgres'
  return sql
    .replaceAll('{{blob}}', pg ? 'BYTEA' : 'BLOB')
    .replaceAll('{{bigint}}', pg ? 'BIGINT' : 'INTEGER')
    .replaceAll('{{serial}}', pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT')
    // The values of a record's `hlc` object (visits and wishes have none: no rows).
    .replaceAll('{{hlcEach}}', pg ? "jsonb_each_text(r.data::jsonb -> 'hlc')" : "json_each(r.data, '$.hlc')")
}
