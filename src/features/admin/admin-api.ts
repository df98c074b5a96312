import { z } from '@/shared/zod'
import { Community, Grid, PublicUser, type CreateUserRequest } from '@/shared'
import { CommunityOverview, ConsoleUser, DeviceWatermark, type UpdateGridRequest, type UpdateUserRequest } from '@/shared/console-api'
import { RosterReport, type RosterImportRequest } from '@/shared/roster-api'
import { createHttp, type HttpFailure } from '@/sync/http'

/**
 * The console's calls. The console works online only: nothing it shows is stored on the
 * admin's device, and no resident's data is among it (the roster report carries row
 * numbers and messages, not the rows). JSON goes through the sync client's HTTP door.
 */

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: HttpFailure }

export interface AdminApiOptions {
  baseUrl?: string
  fetch?: typeof fetch
  getToken: () => string | null
}

const Communities = z.array(Community)
const Grids = z.array(Grid)
const Users = z.array(ConsoleUser)
const Devices = z.array(DeviceWatermark)
const Overview = z.array(CommunityOverview)

export type RosterUpload = Omit<RosterImportRequest, 'mode'> & { mode?: RosterImportRequest['mode'] }

/** Creates the client (tests inject `fetch`). */
export function createAdminApi(o: AdminApiOptions) {
  const doFetch: typeof fetch = o.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const http = createHttp({ baseUrl: o.baseUrl ?? '', fetch: doFetch, getToken: o.getToken })
  const headers = { 'content-type': 'application/json' }
  async function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiResult<T>> {
    const text = body === undefined ? (method === 'GET' ? null : '{}') : JSON.stringify(body)
    const r = await http.send({ method, path, schema, headers: text === null ? {} : headers, body: text })
    if (!r.ok) return r
    return r.body === null ? { ok: false, failure: { kind: 'server', status: 200, message: 'empty reply' } } : { ok: true, value: r.body }
  }
  const id = encodeURIComponent
  return {
    communities: () => call('GET', '/api/admin/communities', Communities),
    grids: () => call('GET', '/api/admin/grids', Grids),
    users: () => call('GET', '/api/admin/console/users', Users),
    createCommunity: (body: { name: string; district: string; street: string }) => call('POST', '/api/admin/communities', Community, body),
    createGrid: (body: { communityId: string } & UpdateGridRequest) => call('POST', '/api/admin/grids', Grid, body),
    updateGrid: (gridId: string, body: UpdateGridRequest) => call('PATCH', `/api/admin/grids/${id(gridId)}`, Grid, body),
    assignGrid: (gridId: string, workerId: string | null) => call('POST', `/api/admin/grids/${id(gridId)}/assign`, Grid, { workerId }),
    createUser: (body: CreateUserRequest) => call('POST', '/api/admin/users', PublicUser, body),
    updateUser: (userId: string, body: UpdateUserRequest) => call('PATCH', `/api/admin/users/${id(userId)}`, ConsoleUser, body),
    disableUser: (userId: string) => call('POST', `/api/admin/users/${id(userId)}/disable`, PublicUser),
    enableUser: (userId: string) => call('POST', `/api/admin/users/${id(userId)}/enable`, ConsoleUser),
    resetPassword: (userId: string, newPassword: string) => call('POST', `/api/admin/users/${id(userId)}/password`, PublicUser, { newPassword }),
    overview: () => call('GET', '/api/admin/overview', Overview),
    devices: (userId: string) => call('GET', `/api/admin/users/${id(userId)}/devices`, Devices),
    importRoster: (body: RosterUpload, dryRun: boolean) => call('POST', dryRun ? '/api/admin/import/dry-run' : '/api/admin/import', RosterReport, body),
  }
}

export type AdminApi = ReturnType<typeof createAdminApi>
