import type { Community, Conflict, Grid, RecordKind, Role } from '../../src/shared'

/**
 * The one storage interface of the sync server. Two implementations share the SQL in
 * `sql-store.ts`: SQLite (better-sqlite3, the embedded default) and PostgreSQL (pg).
 * Route handlers never see SQL; they call these methods.
 */

export interface UserRow {
  id: string
  username: string
  displayName: string
  role: Role
  communityId: string | null
  phone: string
  passwordHash: string
  disabled: boolean
  /** When it was disabled (ms), null while enabled. */
  disabledAt?: number | null
  createdAt: number
  /** The password was set by an admin (or reset): it must be changed before anything else. */
  mustChangePassword?: boolean
}

export interface SessionRow {
  tokenHash: string
  userId: string
  createdAt: number
  lastUsedAt: number
  expiresAt: number
}

export interface StoredRecord {
  kind: RecordKind
  id: string
  gridId: string
  communityId: string
  data: unknown
  seq: number
}

/**
 * A record as the pull sends it: its JSON exactly as stored. Stored records were
 * checked against their schema when written, and the pull splices the text into its
 * reply instead of parsing and writing every record again (pull-service.ts).
 */
export interface ChangeRow {
  kind: RecordKind
  id: string
  seq: number
  json: string
}

export interface RecordKey {
  kind: RecordKind
  id: string
}

/** Where a record lives: enough to check it exists and is in scope. */
export interface RecordPlace extends RecordKey {
  gridId: string
  communityId: string
}

/** A record to write, its data already serialized (JSON). */
export interface RecordWrite extends RecordPlace {
  json: string
}

export interface PhotoRow {
  sha256: string
  mime: string
  size: number
  gridId: string
  communityId: string
  bytes: Buffer
}

export interface AuditEntry {
  userId: string | null
  action: string
  detail: Record<string, unknown>
  /** The community the entry concerns; absent: the acting user's community. */
  communityId?: string | null
  /** When it happened (ms); absent: now. */
  at?: number
}

/** An audit entry as read back. */
export interface AuditRow {
  id: number
  at: number
  userId: string | null
  communityId: string | null
  action: string
  detail: Record<string, unknown>
}

/** What the audit page filters by; every field narrows. */
export interface AuditFilter {
  /** Only this community's entries (a supervisor, a community admin); absent: all. */
  communityId?: string
  userId?: string
  /** An exact action, or a prefix ending in `-` (`record-`). */
  action?: string
  since?: number
  until?: number
  /** Entries with id below this (the next page). */
  beforeId?: number
  limit: number
}

/** One login-throttle counter (login-throttle.ts). */
export interface ThrottleRow {
  key: string
  failures: number
  lastAt: number
  blockedUntil: number
}

export interface StoredConflict extends Conflict {
  communityId: string
}

/** Everything readable and writable, inside or outside a transaction. */
export interface StoreOps {
  // places
  insertCommunity(c: Community): Promise<void>
  listCommunities(): Promise<Community[]>
  getCommunity(id: string): Promise<Community | null>
  insertGrid(g: Grid): Promise<void>
  getGrid(id: string): Promise<Grid | null>
  /** The grids among these ids that exist (one query per few hundred ids). */
  getGrids(ids: string[]): Promise<Grid[]>
  /** Grids of a community (or all when null); with a worker id, only hers. */
  listGrids(filter: { communityId?: string | null; workerId?: string }): Promise<Grid[]>
  assignGrid(gridId: string, workerId: string | null): Promise<void>
  // accounts
  insertUser(u: UserRow): Promise<void>
  getUser(id: string): Promise<UserRow | null>
  findUserByUsername(username: string): Promise<UserRow | null>
  listUsers(communityId: string | null): Promise<UserRow[]>
  /** Disables (at `at`, ms) or enables an account. */
  setUserDisabled(id: string, disabled: boolean, at?: number): Promise<void>
  /** Stores a new password hash; `mustChange` forces a change at the next login. */
  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void>
  /** Ends every session of the user but the one given (after she changed her password). */
  deleteOtherSessions(userId: string, keepTokenHash: string): Promise<void>
  countUsers(): Promise<number>
  insertSession(s: SessionRow): Promise<void>
  getSession(tokenHash: string): Promise<SessionRow | null>
  touchSession(tokenHash: string, at: number): Promise<void>
  deleteSession(tokenHash: string): Promise<void>
  deleteUserSessions(userId: string): Promise<void>
  // sync
  getClientSeq(clientId: string, userId: string): Promise<number>
  setClientSeq(clientId: string, userId: string, seq: number): Promise<void>
  /** Remembers why a client's mutation was rejected (answered again on a retry). */
  saveRejection(r: PushRejection): Promise<void>
  /** `saveRejection` for many, in few statements. */
  saveRejections(rs: PushRejection[]): Promise<void>
  /** The remembered rejections of a client among the given seqs. */
  findRejections(clientId: string, userId: string, seqs: number[]): Promise<PushRejection[]>
  getRecord(kind: RecordKind, id: string): Promise<StoredRecord | null>
  /** The records among these keys that exist (one query per kind and few hundred ids). */
  getRecords(keys: RecordKey[]): Promise<StoredRecord[]>
  /** Where the records among these keys live, without their data (cheaper than `getRecords`). */
  getRecordPlaces(keys: RecordKey[]): Promise<RecordPlace[]>
  /**
   * Locks the change counters of these communities until the transaction ends (creating
   * them at 0 when missing), in id order so two multi-community pushes cannot deadlock.
   * A push takes it before reading records, so pushes of one community are serialized
   * whole, reads included (on PostgreSQL's READ COMMITTED, not only their writes).
   */
  lockCommunities(communityIds: string[]): Promise<void>
  /** Writes the current state of a record under the next seq of its community. */
  putRecord(kind: RecordKind, id: string, gridId: string, communityId: string, data: unknown): Promise<number>
  /** Inserts many new records in few statements (demo loading); seqs are assigned in order. */
  bulkInsertRecords(rows: Omit<StoredRecord, 'seq'>[]): Promise<void>
  /**
   * Inserts or replaces many records (distinct keys): each community's counter advances
   * once by its row count and its rows get the next seqs in the order given (gap-free).
   */
  putRecords(rows: RecordWrite[]): Promise<void>
  /** Records of one grid with seq > afterSeq, ascending, at most `limit`. */
  changesForGrid(gridId: string, afterSeq: number, limit: number): Promise<ChangeRow[]>
  countRecords(): Promise<number>
  insertConflict(c: StoredConflict): Promise<void>
  /** `insertConflict` for many, in few statements. */
  insertConflicts(cs: StoredConflict[]): Promise<void>
  listConflicts(communityId: string | null): Promise<Conflict[]>
  /** One conflict with its community, or null. */
  getConflict(id: string): Promise<StoredConflict | null>
  /** Marks a conflict resolved at `at` (ISO); resolving twice keeps the first time. */
  resolveConflict(id: string, at: string): Promise<void>
  // photos
  putPhoto(p: PhotoRow): Promise<void>
  getPhoto(sha256: string): Promise<PhotoRow | null>
  // audit
  audit(entry: AuditEntry): Promise<void>
  listAudit(limit: number): Promise<(AuditEntry & { at: number })[]>
  /** Audit entries matching the filter, newest first. */
  queryAudit(filter: AuditFilter): Promise<AuditRow[]>
  /** Deletes entries older than `before` (ms); returns how many. */
  pruneAudit(before: number): Promise<number>
  // login throttle
  getThrottles(keys: string[]): Promise<ThrottleRow[]>
  /**
   * Counts one failure on `key` atomically (several processes may count at once); a
   * counter whose last failure is before `resetBefore` starts again at 1. Returns the count.
   */
  countFailure(key: string, now: number, resetBefore: number): Promise<number>
  blockUntil(key: string, until: number): Promise<void>
  clearThrottle(key: string): Promise<void>
  /**
   * Forgets counters with no failure since `before` and no block left at `before` (known-address
   * markers, `known:*`, only when older than `knownBefore`); returns how many went.
   */
  pruneThrottle(before: number, knownBefore: number): Promise<number>
}

export interface Store extends StoreOps {
  readonly dialect: 'sqlite' | 'postgres'
  /** Applies pending migrations; returns the schema version now in place. */
  migrate(): Promise<number>
  /** Runs `fn` in one transaction: all of its writes commit together or not at all. */
  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T>
  /**
   * Refreshes the query planner's statistics after a bulk load. PostgreSQL without them
   * reads every visit to look 256 ids up (17 ms instead of 0.7 per query); SQLite's
   * planner takes the (kind, id) key for those lookups either way, so it is a no-op there.
   */
  analyze(): Promise<void>
  /** Deletes every row (seed-cli and tests). */
  wipe(): Promise<void>
  close(): Promise<void>
}

export interface PushRejection {
  clientId: string
  userId: string
  seq: number
  mutationId: string
  code: string
  message: string
}
