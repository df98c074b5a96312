import Dexie, { type Table } from 'dexie'
import type { Assessment, CommunitySettings, Grid, Household, Mutation, Person, Review, Visit, Wish } from '@/shared'
import { lastVisitColumns, latestVisitOf } from './derive'

/**
 * The device database. One database per signed-in user (`gridsister-<userId>`), so a
 * second person logging in on a shared family phone never sees or pushes the first
 * person's records. The `version(n).stores()` history below is kept forever: every
 * schema change adds a version, so data on phones survives app updates.
 */

/** A household as stored on the device: the shared record plus local, derived columns. */
export interface LocalHousehold extends Household {
  /** Derived on the device from its visits (ISO date-time), for "not visited in N days". */
  lastVisitAt: string | null
  /**
   * Derived: the next visit its latest visit promised (`nextVisitOn`, a date), or null.
   * Indexed, so the Today screen finds the households due for a promised visit without
   * reading any diary.
   */
  promisedOn: string | null
  /** Derived: open (registered or claimed) wishes. */
  openWishes: number
  /** Derived: lowercase pinyin initials and full pinyin of name and address, for search. */
  searchText: string
}

/** A person as stored on the device, with month-day of birth indexed for birthdays. */
export interface LocalPerson extends Person {
  birthMonthDay: string | null
  /**
   * Derived: name and phone for the household search (like the household's, not
   * indexed). Absent on rows stored before members were searchable, until
   * `repairSearchText` fills it in.
   */
  searchText?: string
}

export interface OutboxRow {
  seq: number
  mutation: Mutation
  /** How many times a push carrying it failed for transport reasons. */
  attempts: number
}

export interface RejectionRow {
  mutationId: string
  seq: number
  mutation: Mutation
  code: string
  message: string
  rejectedAt: string
  dismissed: 0 | 1
}

export interface PhotoRow {
  sha256: string
  blob: Blob
  mime: string
  size: number
  /**
   * 0 until the server confirmed it holds the blob. Only uploaded photos may be evicted
   * to keep within the photo budget: the server can give them back.
   */
  uploaded: 0 | 1
  gridId: string
  /** When the photo was stored or last shown (ms): the least recently used go first. */
  usedAt: number
}

/**
 * A form's unsaved input, kept while she types so that back, a reload, an app update or
 * a killed browser never loses it. Lives in the user's own database, so it goes with her
 * data when that is wiped at logout.
 */
export interface DraftRow {
  /** `${userId}|${formKey}`: one draft per form and record, per user. */
  key: string
  userId: string
  /** Which form: visit, correction, wish, wish-transition, assessment, household, person. */
  form: DraftForm
  /** Where to resume it (the form's route). */
  route: string
  /** What it is about, for the list on Today (a household's head, say). */
  title: string
  /** The form's own state (structured-cloneable: photos stay Blobs). */
  value: unknown
  updatedAt: string
}

export type DraftForm = 'visit' | 'correction' | 'wish' | 'wish-transition' | 'assessment' | 'household' | 'person'

export interface MetaRow {
  key: string
  value: unknown
}

/**
 * Dexie turns its debug mode (long async stacks: a stack trace captured per promise) on
 * by itself whenever the page is served from localhost, which includes the built app in
 * `npm start`, the e2e tests and the benchmarks. A phone never runs that way, so the
 * built app never does: debug mode is for the dev server (and the unit tests) only.
 */
Dexie.debug = import.meta.env.DEV

export class GridSisterDb extends Dexie {
  households!: Table<LocalHousehold, string>
  persons!: Table<LocalPerson, string>
  visits!: Table<Visit, string>
  wishes!: Table<Wish, string>
  assessments!: Table<Assessment, string>
  reviews!: Table<Review, string>
  communitySettings!: Table<CommunitySettings, string>
  grids!: Table<Grid, string>
  outbox!: Table<OutboxRow, number>
  rejections!: Table<RejectionRow, string>
  photos!: Table<PhotoRow, string>
  meta!: Table<MetaRow, string>
  drafts!: Table<DraftRow, string>

  constructor(name: string) {
    super(name)
    this.version(1).stores({
      households: 'id, gridId, *keyGroups, lastVisitAt, careLevel',
      persons: 'id, householdId, gridId, *keyGroups, birthMonthDay',
      visits: 'id, [householdId+visitedAt], gridId, visitedAt, correctsId',
      wishes: 'id, householdId, gridId, state, [state+updatedAt]',
      assessments: 'id, [householdId+assessedAt], gridId',
      reviews: 'id, recordId, gridId, state',
      grids: 'id',
      outbox: 'seq, mutation.mutationId',
      rejections: 'mutationId, dismissed',
      photos: 'sha256, uploaded, gridId',
      meta: 'key',
    })
    // v2: the Today screen lists visits whose promised next visit (nextVisitOn) is due.
    // Only the changed table is listed; every other table and all rows carry over.
    this.version(2).stores({
      visits: 'id, [householdId+visitedAt], gridId, visitedAt, correctsId, nextVisitOn',
    })
    // v3: the promise moves to the household (`promisedOn`, derived like `lastVisitAt`):
    // Today read every household's latest diary to find the due promises (0.3 s with a
    // worker's scope), and every visit write paid for an index nothing else reads.
    this.version(3)
      .stores({
        households: 'id, gridId, *keyGroups, lastVisitAt, careLevel, promisedOn',
        visits: 'id, [householdId+visitedAt], gridId, visitedAt, correctsId',
      })
      .upgrade(async (tx) => {
        const households = tx.table<LocalHousehold, string>('households')
        const visits = tx.table<Visit, string>('visits')
        const rows = await households.toArray()
        const latest = await Promise.all(rows.map((h) => latestVisitOf(visits, h.id)))
        await households.bulkPut(rows.map((h, i) => ({ ...h, promisedOn: lastVisitColumns(latest[i]).promisedOn })))
      })
    // v4: photos are downloaded to the phone within a budget, and the least recently used
    // one the server holds is evicted first: every photo row gets a `usedAt`. No index:
    // the queue reads every photo row anyway to add up the budget.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table<PhotoRow, string>('photos').toCollection().modify((p) => {
          p.usedAt ??= Date.now()
        })
      })
    // v5: drafts of forms being typed (issue 19), listed on Today newest first.
    this.version(5).stores({ drafts: 'key, userId, updatedAt' })
    // v6: the community's settings (its common phrases and own dates), one row per
    // community; `gridId` (the community's id) indexed like every record table's.
    this.version(6).stores({ communitySettings: 'id, gridId' })
  }
}

let current: GridSisterDb | null = null

/** Opens (and makes current) the database of a user. */
export function openUserDb(userId: string): GridSisterDb {
  const name = `gridsister-${userId}`
  if (current?.name === name) return current
  current?.close()
  current = new GridSisterDb(name)
  return current
}

/** The signed-in user's database; throws if nobody is signed in. */
export function getDb(): GridSisterDb {
  if (!current) throw new Error('no user database open')
  return current
}

/** Closes the current database (on logout). */
export function closeDb(): void {
  current?.close()
  current = null
}

/**
 * Deletes a user's whole database from the phone (records, outbox, photos, everything)
 * and resolves once the browser has deleted it, not merely closed it: a shared phone
 * must keep nothing after logout. Other tabs holding it open close it themselves
 * (Dexie closes on `versionchange`).
 */
/** Names of the user databases on this phone (every signed-in user leaves one). */
export async function listUserDbNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((n) => n.startsWith('gridsister-'))
}

export async function deleteUserDb(userId: string): Promise<void> {
  const name = `gridsister-${userId}`
  if (current?.name === name) closeDb()
  await Dexie.delete(name)
}
