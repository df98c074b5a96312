/**
 * Versioned schema migrations, applied in order at start inside one transaction each.
 * The list only grows: never edit a migration that has shipped, add the next one.
 * `{{blob}}`, `{{bigint}}` and `{{serial}}` are replaced per dialect.
 */
export const MIGRATIONS: readonly string[] = [
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
]

export const SCHEMA_DB_VERSION = MIGRATIONS.length

/** The SQL of one migration for a dialect. */
export function migrationSql(index: number, dialect: 'sqlite' | 'postgres'): string {
  const sql = MIGRATIONS[index] ?? ''
  const pg = dialect === 'postgres'
  return sql
    .replaceAll('{{blob}}', pg ? 'BYTEA' : 'BLOB')
    .replaceAll('{{bigint}}', pg ? 'BIGINT' : 'INTEGER')
    .replaceAll('{{serial}}', pg ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT')
}
