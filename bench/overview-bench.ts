import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createPgStore } from '../sync-server/storage/pg-store'
import type { RecordWrite, Store } from '../sync-server/storage/store'
import { HAVE_POSTGRES, startPgCluster } from '../tests/helpers/server/pg-cluster'
import { newResult, type BenchResult } from './lib/report'

/**
 * The district overview (GET /api/admin/overview's SQL) on PostgreSQL over many
 * communities: per community 1,000 households, 2,500 persons, 4,000 visits, 300 wishes
 * and 200 assessments (8,000 records, the demo's mix), so 200 communities hold 1.6
 * million records. BENCH_OVERVIEW_COMMUNITIES sets how many (default 200). Goal: < 1 s.
 */
const PER = { household: 1000, person: 2500, visit: 4000, wish: 300, assessment: 200 } as const
const DAY = 86_400_000
const hlc = '0001765000000000:00000:node-abcdefgh'

function communityRecords(communityId: string, gridIds: string[], seed: number, now: number): RecordWrite[] {
  const rows: RecordWrite[] = []
  const households: string[] = []
  const at = (i: number) => new Date(now - ((i * 7919 + seed) % 400) * DAY).toISOString()
  const put = (kind: RecordWrite['kind'], gridId: string, data: Record<string, unknown>) => {
    const id = randomUUID()
    rows.push({ kind, id, gridId, communityId, json: JSON.stringify({ id, gridId, ...data, hlc: { a: hlc, b: hlc, c: hlc }, createdAt: at(0), updatedAt: at(0) }) })
    return id
  }
  for (let i = 0; i < PER.household; i++) {
    const keyGroups = i % 3 === 0 ? ['elderly-alone'] : i % 7 === 0 ? ['unemployed', 'disabled'] : []
    households.push(put('household', gridIds[i % gridIds.length]!, { headName: '王秀英', address: { estate: '幸福小区', building: `${i % 20}栋`, unit: '1单元', door: '301' }, phone: '13800138000', keyGroups, careLevel: 1, visitCadenceDays: null, notes: '', deleted: false }))
  }
  const hh = (i: number) => households[(i * 31 + seed) % households.length]!
  for (let i = 0; i < PER.person; i++) put('person', gridIds[0]!, { householdId: hh(i), name: '李建国', sex: 'M', birthDate: '1950-05-06', relation: 'spouse', phone: '', idNumber: '', keyGroups: [], notes: '', deleted: false })
  for (let i = 0; i < PER.visit; i++) put('visit', gridIds[0]!, { householdId: hh(i), visitedAt: at(i), visitorId: communityId, visitorName: '王秀梅', method: 'in-person', seen: '老人身体不错，家里整洁。', asked: '', done: '', policies: [], nextVisitOn: null, photos: [], correctsId: null })
  for (let i = 0; i < PER.wish; i++) put('wish', gridIds[0]!, { householdId: hh(i), state: ['registered', 'claimed', 'fulfilled', 'closed'][i % 4], title: '理发', detail: '' })
  for (let i = 0; i < PER.assessment; i++) put('assessment', gridIds[0]!, { householdId: hh(i), templateId: 'five-systems', answers: {}, careLevel: 1, deleted: false })
  return rows
}

export async function load(store: Store, communities: number, now: number): Promise<string[]> {
  const ids: string[] = []
  for (let c = 0; c < communities; c++) {
    const communityId = randomUUID()
    ids.push(communityId)
    await store.insertCommunity({ id: communityId, name: `社区${c + 1}`, district: '', street: '' })
    const gridIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
    for (const [g, id] of gridIds.entries()) await store.insertGrid({ id, communityId, name: `第${g + 1}网格`, code: '', estates: [], workerId: null })
    await store.transaction((tx) => tx.putRecords(communityRecords(communityId, gridIds, c, now)))
  }
  await store.analyze()
  return ids
}

export async function overviewBench(): Promise<BenchResult> {
  const r = newResult('overview')
  if (!HAVE_POSTGRES) {
    r.note('PostgreSQL binaries not found: SKIPPED')
    return r
  }
  const communities = Number(process.env.BENCH_OVERVIEW_COMMUNITIES ?? 200)
  const cluster = await startPgCluster()
  try {
    const url = await cluster.createDatabase()
    const store = createPgStore(url)
    await store.migrate()
    const now = Date.now()
    const started = performance.now()
    const ids = await load(store, communities, now)
    r.note(`${communities} communities, ${await store.countRecords()} records loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    // What autovacuum does within a minute of a bulk load: the visibility map lets the
    // overview read its indexes alone (index-only scans).
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query('VACUUM ANALYZE records')
    await admin.end()
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      await store.communityOverview(ids, new Date(now).toISOString())
      times.push((performance.now() - t0) / 1000)
    }
    const median = times.sort((a, b) => a - b)[1]!
    r.figure(`${communities} communities`, 'overview query (median of 3)', median, 's')
    r.ratio(`district overview, ${communities} communities on PostgreSQL: seconds`, median, { max: 1 })
    await store.close()
  } finally {
    cluster.stop()
  }
  return r
}
