import { KEY_GROUP_CADENCE_DAYS, WISH_STATES, type KeyGroup } from '../../src/shared'
import type { CommunityOverview } from '../../src/shared/console-api'
import type { Queryer } from './sql-driver'

/**
 * The district overview, counted by the database: per community its households, key
 * households, households visited in the last 30 and 90 days, key households overdue
 * (no visit within their cadence: the household's own, else the tightest of its key
 * groups, KEY_GROUP_CADENCE_DAYS) and wishes by state. Only counts leave the database.
 * The records are JSON text: SQLite reads the JSON, PostgreSQL its generated columns.
 */

type Dialect = 'sqlite' | 'postgres'

/** Each fact: read from the JSON on SQLite, from its generated column on PostgreSQL (migrations.ts). */
const FACT_COLUMNS: Record<string, string> = {
  householdId: 'r.ov_household', visitedAt: 'r.ov_at', keyGroups: 'r.ov_groups', visitCadenceDays: 'r.ov_own', state: 'r.ov_state',
}
const field = (d: Dialect, name: string) => (d === 'sqlite' ? `json_extract(r.data, '$.${name}')` : (FACT_COLUMNS[name] as string))
const notDeleted = (d: Dialect) => (d === 'sqlite' ? `json_extract(r.data, '$.deleted') = 0` : 'r.ov_live')
/**
 * Days from a stored ISO time to `?` (the request's now), computed once per household.
 * The latest visit is the greatest `visitedAt` as text: exact for the UTC times devices
 * write, within a day for times written with another offset.
 */
const daysSince = (d: Dialect, expr: string) =>
  d === 'sqlite' ? `(julianday(?) - julianday(${expr}))` : `(EXTRACT(EPOCH FROM (?::timestamptz - (${expr})::timestamptz)) / 86400)`

/** The cadence of a household as SQL: its own, else its tightest key group's (from the shared table). */
function cadence(): string {
  const byDays = new Map<number, KeyGroup[]>()
  for (const [g, days] of Object.entries(KEY_GROUP_CADENCE_DAYS) as [KeyGroup, number][]) byDays.set(days, [...(byDays.get(days) ?? []), g])
  const cases = [...byDays].sort(([a], [b]) => a - b).map(([days, groups]) => `WHEN ${groups.map((g) => `h.kg LIKE '%"${g}"%'`).join(' OR ')} THEN ${days}`)
  return `COALESCE(h.own, CASE ${cases.join(' ')} END)`
}

function householdSql(d: Dialect, marks: string): string {
  return `
    WITH h AS (
      SELECT r.community_id, r.id AS id, ${field(d, 'keyGroups')} AS kg, ${field(d, 'visitCadenceDays')} AS own
      FROM records r WHERE r.kind = 'household' AND r.community_id IN (${marks}) AND ${notDeleted(d)}
    ), v AS (
      SELECT ${field(d, 'householdId')} AS hid, MAX(${field(d, 'visitedAt')}) AS last
      FROM records r WHERE r.kind = 'visit' AND r.community_id IN (${marks}) GROUP BY ${field(d, 'householdId')}
    ), hv AS (
      SELECT h.community_id, h.kg, ${cadence()} AS cadence, CASE WHEN v.last IS NULL THEN NULL ELSE ${daysSince(d, 'v.last')} END AS days
      FROM h LEFT JOIN v ON v.hid = h.id
    )
    SELECT community_id, COUNT(*) AS households,
      SUM(CASE WHEN kg <> '[]' THEN 1 ELSE 0 END) AS key_households,
      SUM(CASE WHEN days <= 30 THEN 1 ELSE 0 END) AS visited30,
      SUM(CASE WHEN days <= 90 THEN 1 ELSE 0 END) AS visited90,
      SUM(CASE WHEN kg <> '[]' AND (days IS NULL OR days > cadence) THEN 1 ELSE 0 END) AS overdue
    FROM hv GROUP BY community_id`
}

type Counts = Omit<CommunityOverview, 'name' | 'street'>

/** Counts per community among these ids (communities without records get zeros). */
export async function communityOverview(q: Queryer, d: Dialect, ids: string[], nowIso: string): Promise<Counts[]> {
  if (ids.length === 0) return []
  const marks = ids.map(() => '?').join(', ')
  const n = (v: number | string | null | undefined) => Number(v ?? 0)
  const rows = await q.all<Record<string, number | string | null>>(householdSql(d, marks), [...ids, ...ids, nowIso])
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
