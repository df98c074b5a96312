import { v7 as uuidv7 } from 'uuid'
import { encodeHlc, type Change, type Household, type Mutation, type MutationResult, type PullReply, type PushReply, type Visit, type Wish } from '@/shared'
import { GRID_ID } from '../../helpers/app/factories'

/**
 * A scripted sync server for unit tests: a `fetch` double (the I/O seam of the sync
 * client) that records every request, un-gzips bodies, and answers from handlers the
 * test sets. The real server is exercised by the simulation in tests/sim.
 */

/** A server clock an hour ahead of the device: the device must catch up to it. */
export const SERVER_HLC = encodeHlc({ millis: Date.now() + 3_600_000, counter: 5, node: 'server' })

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
  raw: Blob | null
}

export type Handler = (req: RecordedRequest) => Response | Promise<Response>

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

export const error = (status: number, code: string, message = code) => json({ code, message }, status)

async function readBody(init: RequestInit | undefined, headers: Record<string, string>): Promise<{ body: unknown; raw: Blob | null }> {
  if (init?.body == null) return { body: null, raw: null }
  const blob = new Blob([init.body as BlobPart])
  if (!headers['content-type']?.includes('json')) return { body: null, raw: blob }
  const stream = headers['content-encoding'] === 'gzip' ? blob.stream().pipeThrough(new DecompressionStream('gzip')) : blob.stream()
  return { body: JSON.parse(await new Response(stream).text()), raw: null }
}

export interface ScriptedServer {
  fetch: typeof fetch
  requests: RecordedRequest[]
  on(method: string, path: string, handler: Handler): void
}

export function scriptedServer(): ScriptedServer {
  const handlers = new Map<string, Handler>()
  const requests: RecordedRequest[] = []
  const fetchDouble = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input))
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]))
    const req: RecordedRequest = { method: init?.method ?? 'GET', path: url.pathname, headers, ...(await readBody(init, headers)) }
    requests.push(req)
    const handler = handlers.get(`${req.method} ${req.path}`) ?? handlers.get(`${req.method} *`)
    if (!handler) return error(404, 'not-found')
    return handler(req)
  }
  return {
    fetch: fetchDouble as typeof fetch,
    requests,
    on: (method, path, handler) => handlers.set(`${method} ${path}`, handler),
  }
}

/** A push handler answering every mutation with `statusOf(m)`. */
export function pushAnswering(statusOf: (m: Mutation) => MutationResult['status'] = () => 'applied'): Handler {
  return (req) => {
    const { mutations } = req.body as { mutations: Mutation[] }
    const results = mutations.map((m): MutationResult => {
      const status = statusOf(m)
      return status === 'rejected'
        ? { mutationId: m.mutationId, seq: m.seq, status, code: 'stale-state', message: '已被他人认领' }
        : { mutationId: m.mutationId, seq: m.seq, status }
    })
    const reply: PushReply = { results, lastSeq: Math.max(0, ...mutations.map((m) => m.seq)), serverHlc: SERVER_HLC }
    return json(reply)
  }
}

export function pullReply(over: Partial<PullReply> = {}): PullReply {
  return { changes: [], cursors: { [GRID_ID]: 0 }, grids: [grid()], gridsLost: [], hasMore: false, serverHlc: SERVER_HLC, ...over }
}

export function grid(id = GRID_ID) {
  return { id, communityId: uuidv7(), name: '一网格', code: 'G1', estates: ['黄龙小区'], workerId: null }
}

const iso = '2025-03-01T08:00:00.000Z'

export function serverHousehold(over: Partial<Household> = {}): Household {
  return {
    id: uuidv7(),
    gridId: GRID_ID,
    headName: '张桂兰',
    address: { estate: '黄龙小区', building: '5栋', unit: '1单元', door: '202' },
    phone: '13900002222',
    keyGroups: ['elderly-alone'],
    careLevel: 2,
    visitCadenceDays: null,
    notes: '',
    deleted: false,
    hlc: { headName: '001700000000000-00000-server' },
    createdAt: iso,
    updatedAt: iso,
    ...over,
  }
}

export function serverVisit(householdId: string, over: Partial<Visit> = {}): Visit {
  return {
    id: uuidv7(),
    householdId,
    gridId: GRID_ID,
    visitedAt: iso,
    visitorId: uuidv7(),
    visitorName: '李梅',
    method: 'in-person',
    outcome: 'met',
    seen: '身体尚好',
    asked: '',
    done: '',
    policies: [],
    nextVisitOn: null,
    photos: [],
    correctsId: null,
    createdAt: iso,
    ...over,
  }
}

export function serverWish(householdId: string, over: Partial<Wish> = {}): Wish {
  return {
    id: uuidv7(),
    householdId,
    gridId: GRID_ID,
    personId: null,
    visitId: null,
    title: '上门理发',
    detail: '',
    category: 'care',
    state: 'registered',
    claimedBy: null,
    claimedAt: null,
    fulfilment: null,
    closedReason: null,
    history: [{ state: 'registered', at: iso, by: '李梅', note: '' }],
    createdBy: uuidv7(),
    createdAt: iso,
    updatedAt: iso,
    ...over,
  }
}

let seq = 0
export function change<K extends Change['kind']>(kind: K, record: Extract<Change, { kind: K }>['record']): Change {
  seq += 1
  return { kind, seq, record } as Change
}
