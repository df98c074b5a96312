import { z } from '@/shared/zod'
import { Community, Conflict, PublicUser, RevealReply } from '@/shared'
import { createHttp, type HttpFailure } from '@/sync/http'

/**
 * The supervisor's few online-only calls (conflict inbox, directory, grid reassignment).
 * JSON calls go through the sync client's HTTP door (`src/sync/http.ts`); only photo
 * bytes are fetched directly. `fetch` and the token are injected (tests pass their own).
 */

export const ConflictList = z.array(Conflict)
export const Directory = z.array(PublicUser)
const Ok = z.object({}).loose()

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: HttpFailure }

export interface SupervisorApiOptions {
  baseUrl?: string
  fetch?: typeof fetch
  getToken: () => string | null
}

export interface SupervisorApi {
  listConflicts(): Promise<ApiResult<Conflict[]>>
  resolveConflict(id: string, choice: 'winner' | 'loser'): Promise<ApiResult<null>>
  directory(): Promise<ApiResult<PublicUser[]>>
  assignGrid(gridId: string, workerId: string | null): Promise<ApiResult<null>>
  /** The supervisor's own community (its name heads the reports). */
  community(): Promise<ApiResult<Community>>
  /** The full values of a record's masked numbers (online only; the server audits it). */
  reveal(kind: 'household' | 'person', id: string): Promise<ApiResult<Record<string, string>>>
  /** A photo's bytes (an <img> cannot send the bearer token, so it is fetched here). */
  photo(sha256: string): Promise<Blob | null>
}

/** Creates the client. */
export function createSupervisorApi(o: SupervisorApiOptions): SupervisorApi {
  const doFetch: typeof fetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const http = createHttp({ baseUrl: o.baseUrl ?? '', fetch: doFetch, getToken: o.getToken })
  const json = { 'content-type': 'application/json' }
  return {
    async listConflicts() {
      const r = await http.send({ method: 'GET', path: '/api/conflicts', schema: ConflictList })
      return r.ok ? { ok: true, value: r.body ?? [] } : r
    },
    async resolveConflict(id, choice) {
      const r = await http.send({ method: 'POST', path: `/api/conflicts/${encodeURIComponent(id)}/resolve`, body: JSON.stringify({ choice }), headers: json })
      return r.ok ? { ok: true, value: null } : r
    },
    async directory() {
      const r = await http.send({ method: 'GET', path: '/api/admin/users', schema: Directory })
      return r.ok ? { ok: true, value: r.body ?? [] } : r
    },
    async assignGrid(gridId, workerId) {
      const r = await http.send({ method: 'POST', path: `/api/admin/grids/${encodeURIComponent(gridId)}/assign`, body: JSON.stringify({ workerId }), headers: json, schema: Ok })
      return r.ok ? { ok: true, value: null } : r
    },
    async community() {
      const r = await http.send({ method: 'GET', path: '/api/supervisor/community', schema: Community })
      return r.ok && r.body ? { ok: true, value: r.body } : r.ok ? { ok: false, failure: { kind: 'server', status: 200, message: 'empty reply' } } : r
    },
    async reveal(kind, id) {
      const r = await http.send({ method: 'POST', path: `/api/records/${kind}/${encodeURIComponent(id)}/reveal`, schema: RevealReply })
      return r.ok && r.body ? { ok: true, value: r.body.fields } : r.ok ? { ok: false, failure: { kind: 'server', status: 200, message: 'empty reply' } } : r
    },
    async photo(sha256) {
      const token = o.getToken()
      if (!token || !/^[0-9a-f]{64}$/.test(sha256)) return null
      try {
        const res = await doFetch(`${o.baseUrl ?? ''}/api/photos/${sha256}`, { headers: { authorization: `Bearer ${token}` } })
        return res.ok ? await res.blob() : null
      } catch {
        return null
      }
    },
  }
}
