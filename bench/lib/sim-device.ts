import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { v7 as uuidv7 } from 'uuid'
import { SCHEMA_VERSION, type PullReply, type PushReply, type Visit } from '../../src/shared'
import { visitMutations } from './new-visits'
import type { SimWorker } from './many-workers'

/**
 * One simulated phone over HTTP: pulls its scope, then in each round pushes a batch of
 * new visits and pulls until idle; at the end it replays its first batch (a retry after
 * a lost reply), which the server must answer `duplicate` without storing anything.
 */
export interface DeviceStats {
  pushMs: number[]
  pullMs: number[]
  errors: string[]
  sent: string[]
  applied: number
  duplicates: number
  clientId: string
}

export interface DeviceOptions {
  url: string
  worker: SimWorker
  rounds: number
  batch: number
  /** Texts to reuse (so bodies look like real diaries). */
  texts: Visit[]
}

async function post<T>(url: string, token: string, body: string, stats: DeviceStats, lat: number[]): Promise<T | null> {
  const gz = body.length >= 1024
  const t0 = performance.now()
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(gz ? { 'content-encoding': 'gzip' } : {}) },
      body: gz ? new Uint8Array(gzipSync(body)) : body,
    })
    const text = await res.text()
    lat.push(performance.now() - t0)
    if (!res.ok) {
      stats.errors.push(`HTTP ${res.status}: ${text.slice(0, 200)}`)
      return null
    }
    return JSON.parse(text) as T
  } catch (e) {
    lat.push(performance.now() - t0)
    stats.errors.push(e instanceof Error ? e.message : String(e))
    return null
  }
}

export async function runDevice(o: DeviceOptions): Promise<DeviceStats> {
  const clientId = randomUUID()
  const stats: DeviceStats = { pushMs: [], pullMs: [], errors: [], sent: [], applied: 0, duplicates: 0, clientId }
  const { worker } = o
  let cursors: Record<string, number> = {}
  const pullUntilIdle = async () => {
    for (let page = 0; page < 100; page++) {
      const body = JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, cursors })
      const reply = await post<PullReply>(`${o.url}/api/sync/pull`, worker.token, body, stats, stats.pullMs)
      if (!reply) return
      cursors = { ...cursors, ...reply.cursors }
      if (!reply.hasMore) return
    }
  }
  await pullUntilIdle()
  let seq = 0
  let firstBody: string | null = null
  for (let round = 0; round < o.rounds; round++) {
    const visits: Visit[] = []
    for (let i = 0; i < o.batch; i++) {
      const h = worker.households[(round * o.batch + i) % worker.households.length]!
      const t = o.texts[(seq + i) % o.texts.length]!
      const at = new Date().toISOString()
      visits.push({
        ...t, id: uuidv7(), householdId: h.id, gridId: worker.grid.id, visitorId: worker.userId, visitorName: worker.displayName,
        visitedAt: at, createdAt: at, photos: [], correctsId: null,
      })
    }
    const mutations = visitMutations(visits, clientId, seq + 1)
    seq += mutations.length
    const body = JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations })
    firstBody ??= body
    stats.sent.push(...visits.map((v) => v.id))
    const reply = await post<PushReply>(`${o.url}/api/sync/push`, worker.token, body, stats, stats.pushMs)
    for (const r of reply?.results ?? []) {
      if (r.status === 'applied') stats.applied += 1
      else stats.errors.push(`mutation ${r.seq}: ${r.status} ${r.code ?? ''} ${r.message ?? ''}`)
    }
    await pullUntilIdle()
  }
  if (firstBody) {
    const reply = await post<PushReply>(`${o.url}/api/sync/push`, worker.token, firstBody, stats, stats.pushMs)
    for (const r of reply?.results ?? []) {
      if (r.status === 'duplicate') stats.duplicates += 1
      else stats.errors.push(`replayed mutation ${r.seq}: ${r.status}`)
    }
  }
  return stats
}
