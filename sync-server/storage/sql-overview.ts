import { KEY_GROUP_CADENCE_DAYS, WISH_STATES, type KeyGroup } from '../../src/shared'
import { ATTEMPT_OUTCOMES } from '../../src/shared/rules/visits'
import type { CommunityOverview } from '../../src/shared/console-api'
import type { Queryer } from './sql-driver'

/**
 * The district overview, counted by the database: per community its households, key
 * households, households visited in the last 30 and 90 days, key households overdue
 * (no visit within their cadence: the household's own, else the tightest of its key
 * groups, KEY_GROUP_CADENCE_DAYS) and wishes by state. Only counts leave the database.
 * Attempts (nobody home: ATTEMPT_OUTCOMES, rules/visits.ts) are no visits here either.
 * The records are JSON text: SQLite reads the JSON, PostgreSQL its generated columns.
 */

type Dialect = 'sqlite' | 'postgres'

/** Each fact: read from the JSON on SQLite, from its generated column on PostgreSQL (migrations.ts). */
const FACT_COLUMNS: Record<string, string> = {
  householdId: 'r.ov_household', visitedAt: 'r.ov_at', keyGroups: 'r.ov_groups', visitCadenceDays: 'r.ov_own', state: 'r.ov_state', outcome: 'r.ov_outcome',
}
const field = (d: Dialect, name: string) => (d === 'sqlite' ? `json_extract(r.data, '$.${name}')` : (FACT_COLUMNS[name] as string))
const notDeleted = (d: Dialect) => (d === 'sqlite' ? `json_extract(r.data, '$.deleted') = 0` : 'r.ov_live')
/** Text compared byte by byte: ISO times in UTC order as text; PostgreSQL's locale collation is slower and needless. */
const bytes = (d: Dialect, expr: string) => (d === 'postgres' ? `${expr} COLLATE "C"` : expr)

/** A visit that is no attempt; a visit stored before the outcome existed has none: a contact. */
const completed = (d: Dialect) => `COALESCE(${field(d, 'outcome')}, 'met') NOT IN (${ATTEMPT_OUTCOMES.map((o) => `'${o}'`).join(', ')})`

/** `?` (the request's now) minus a household's own cadence in days, as an ISO text in UTC. */
const ownCutoff = (d: Dialect) =>
  d === 'sqlite'
    ? `strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-' || h.own || ' days')`
    : `to_char((?::timestamptz - h.own * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * When a household's last visit is due by: its own cadence, else the tightest of its key
 * groups' (the shared KEY_GROUP_CADENCE_DAYS), as the ISO time that many days before now.
 */
function dueSql(d: Dialect, cutoff: (days: number) => string): string {
  const byDays = new Map<number, KeyGroup[]>()
  for (const [g, days] of Object.entries(KEY_GROUP_CADENCE_DAYS) as [KeyGroup, number][]) byDays.set(days, [...(byDays.get(days) ?? []), g])
  const cases = [...byDays].sort(([a], [b]) => a - b).map(([days, groups]) => `WHEN ${groups.map((g) => `h.kg LIKE '%"${g}"%'`).join(' OR ')} THEN '${cutoff(days)}'`)
  return `CASE WHEN h.own IS NOT NULL THEN ${ownCutoff(d)} ELSE CASE ${cases.join(' ')} END END`
}

/**
 * Coverage and overdue compare the latest `visitedAt` with cutoffs as text, once per
 * household, instead of parsing times: exact for the UTC times devices write, within a
 * day for a time written with another offset.
 */
function householdSql(d: Dialect, marks: string, nowMs: number): string {
  const cutoff = (days: number) => new Date(nowMs - days * 86_400_000).toISOString()
  return `
    WITH h AS (
      SELECT r.community_id, r.id AS id, ${field(d, 'keyGroups')} AS kg, ${field(d, 'visitCadenceDays')} AS own
      FROM records r WHERE r.kind = 'household' AND r.community_id IN (${marks}) AND ${notDeleted(d)}
    ), v AS (
      SELECT r.community_id AS cid, ${field(d, 'householdId')} AS hid, MAX(${bytes(d, field(d, 'visitedAt'))}) AS last
      FROM records r WHERE r.kind = 'visit' AND r.community_id IN (${marks}) AND ${completed(d)} GROUP BY r.community_id, ${field(d, 'householdId')}
    ), hv AS (
      SELECT h.community_id, h.kg, v.last, ${dueSql(d, cutoff)} AS due
      FROM h LEFT JOIN v ON v.cid = h.community_id AND v.hid = h.id
    )
    SELECT community_id, COUNT(*) AS households,
      SUM(CASE WHEN kg <> '[]' THEN 1 ELSE 0 END) AS key_households,
      SUM(CASE WHEN ${bytes(d, 'last')} >= '${cutoff(30)}' THEN 1 ELSE 0 END) AS visited30,
      SUM(CASE WHEN ${bytes(d, 'last')} >= '${cutoff(90)}' THEN 1 ELSE 0 END) AS visited90,
      SUM(CASE WHEN kg <> '[]' AND (last IS NULL OR ${bytes(d, 'last')} < ${bytes(d, 'due')}) THEN 1 ELSE 0 END) AS overdue
    FROM hv GROUP BY community_id`
}

type Counts = Omit<CommunityOverview, 'name' | 'street'>

/** Counts per community among these ids (communities without records get zeros). */
export async function communityOverview(q: Queryer, d: Dialect, ids: string[], nowIso: string): Promise<Counts[]> {
  if (ids.length === 0) return []
  const marks = ids.map(() => '?').join(', ')
  const n = (v: number | string | null | undefined) => Number(v ?? 0)
  const rows = await q.all<Record<string, number | string | null>>(householdSql(d, marks, Date.parse(nowIso)), [...ids, ...ids, nowIso])
  const wishes = await q.all<{ community_id: string; state: string; n: number | string }>(
    `SELECT r.community_id AS community_id, ${field(d, 'state')} AS state, COUNT(*) AS n FROM records r WHERE r.kind = 'wish' AND r.community_id IN (${marks}) GROUP BY r.community_id, ${field(d, 'state')}`,
    ids,
  )
  return ids.map((communityId) => {
    const r = rows.find((x) => x.community_id === communityId)
    const byState = Object.fromEntries(WISH_STATES.map((s) => [s, n(wishes.find((w) => w.community_id === communityId && w.state === s)?.n)]))
    return {
      communityId, households: n(r?.households), keyHouseholds: n(r?.key_households), visited30: n(r?.visited30),
      visited90: n(r?.visited90), overdueKey: n(r?.overdue), wishes: byState as Counts['wishes'],
    }
  })
}
