import type { Community, Conflict, Grid, RecordKind, Role } from '../../src/shared'
import type { CommunityOverview } from '../../src/shared/console-api'

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

/** A device's upload watermark (one row per client id and user). */
export interface DeviceReport {
  clientId: string
  userId: string
  lastContactAt: number
  /** When a push of this device last succeeded; null when it never pushed. */
  lastPushAt: number | null
  /** Records the device said were not yet uploaded at its last contact; null when it did not say. */
  pending: number | null
}

/** A photo readable by the scope of a grid (see `grantPhotos`). */
export interface PhotoGrant {
  sha256: string
  gridId: string
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
  /**
   * Gives a grid to a worker (or nobody) from `at` (epoch ms, default now), keeping the
   * history: the previous holder's period ends at `at`. Call inside a transaction.
   */
  assignGrid(gridId: string, workerId: string | null, at?: number): Promise<void>
  /**
   * What a former holder's change needs: when she last held the grid (null: never) and
   * the server HLC at which this device of hers was told it lost the grid (null: not yet).
   */
  getHolding(gridId: string, userId: string, clientId: string): Promise<Holding>
  /**
   * Remembers that this device was told it lost these grids, at server HLC `hlc`, when
   * it had handed out mutation seqs up to `seq` (null: an app that does not say).
   */
  noteGridsLost(clientId: string, userId: string, gridIds: string[], hlc: string, seq: number | null): Promise<void>
  /** Replaces a grid's name, code, estates and buildings (not its community or worker). */
  updateGrid(g: Grid): Promise<void>
  // accounts
  insertUser(u: UserRow): Promise<void>
  getUser(id: string): Promise<UserRow | null>
  findUserByUsername(username: string): Promise<UserRow | null>
  listUsers(communityId: string | null): Promise<UserRow[]>
  /** Disables (at `at`, ms) or enables an account. */
  setUserDisabled(id: string, disabled: boolean, at?: number): Promise<void>
  /** Writes a user's display name, phone, role and password hash (the rest never changes). */
  updateUser(u: UserRow): Promise<void>
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
   * Returns the newest HLC stored in them (null when none), for the server clock.
   */
  lockCommunities(communityIds: string[]): Promise<string | null>
  /** Raises the newest stored HLC of a community to `hlc` (never lowers it). */
  raiseCommunityHlc(communityId: string, hlc: string): Promise<void>
  /** The newest HLC stored in these communities (all when null), or null when none. */
  newestHlc(communityIds: string[] | null): Promise<string | null>
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
  /** How many records of one grid have seq > afterSeq (the index answers it without reading them). */
  countChangesForGrid(gridId: string, afterSeq: number): Promise<number>
  /** Every record of one kind in these grids (roster import: what is already stored). */
  listGridRecords(gridIds: string[], kind: RecordKind): Promise<StoredRecord[]>
  countRecords(): Promise<number>
  insertConflict(c: StoredConflict): Promise<void>
  /** `insertConflict` for many, in few statements. */
  insertConflicts(cs: StoredConflict[]): Promise<void>
  listConflicts(communityId: string | null): Promise<Conflict[]>
  /** One conflict with its community, or null. */
  getConflict(id: string): Promise<StoredConflict | null>
  /** Marks a conflict resolved at `at` (ISO); resolving twice keeps the first time. */
  resolveConflict(id: string, at: string): Promise<void>
  /** Records a device's contact: `pushed` moves its last successful push to `at`. */
  reportDevice(r: { clientId: string; userId: string; at: number; pushed: boolean; pending: number | null }): Promise<void>
  listDevices(userId: string): Promise<DeviceReport[]>
  // photos
  /** Stores a photo's bytes once (by hash) and grants it to the grid it was uploaded for. */
  putPhoto(p: PhotoRow): Promise<void>
  getPhoto(sha256: string): Promise<PhotoRow | null>
  /**
   * Grants photos to grids, as (sha256, gridId) pairs; granting twice changes nothing.
   * Record writes (`putRecord`, `putRecords`, `bulkInsertRecords`) grant the photos their
   * records name by themselves.
   */
  grantPhotos(pairs: PhotoGrant[]): Promise<void>
  /** The grids a photo is granted to (its bytes may not be stored yet). */
  photoGrids(sha256: string): Promise<string[]>
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
  /** The district overview's counts per community (SQL aggregates: no record leaves the database). */
  communityOverview(communityIds: string[], nowIso: string): Promise<Omit<CommunityOverview, 'name' | 'street'>[]>
  /** Deletes every row (seed-cli and tests). */
  wipe(): Promise<void>
  close(): Promise<void>
}

export interface Holding {
  heldUntil: number | null
  toldHlc: string | null
  toldSeq: number | null
}

export interface PushRejection {
  clientId: string
  userId: string
  seq: number
  mutationId: string
  code: string
  message: string
}
