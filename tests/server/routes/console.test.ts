import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../src/shared'
import type { ConsoleUser, DeviceWatermark } from '../../../src/shared/console-api'
import type { RosterReport } from '../../../src/shared/roster-api'
import { writeRegisterXlsx } from '../../../sync-server/import/roster-write'
import { BACKENDS } from '../../helpers/server/backends'
import { messyRegister } from '../../helpers/server/roster-messy'
import { TEST_PASSWORD, useWorldApp, type World } from '../../helpers/server/world'

describe.each(BACKENDS)('console routes on $name', (backend) => {
  const t = useWorldApp(backend)
  const call = (who: keyof World['users'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: t.auth[who], ...(payload ? { payload } : {}) })

  describe('PATCH /api/admin/grids/:id', () => {
    it('saves estates and buildings, which a worker then receives with her grids', async () => {
      const body = { name: 'a1', code: 'A-1', estates: ['幸福小区', '和平里'], buildings: { 幸福小区: ['1栋', '2栋'] } }
      const res = await call('aa', 'PATCH', `/api/admin/grids/${t.world.grids.a1.id}`, body)
      expect(res.statusCode).toBe(200)
      expect(await t.store.getGrid(t.world.grids.a1.id)).toMatchObject(body)
      const pull = await call('wa1', 'POST', '/api/sync/pull', { clientId: randomUUID(), schemaVersion: SCHEMA_VERSION, cursors: {} })
      expect(pull.json<{ grids: { buildings?: object }[] }>().grids[0]?.buildings).toEqual(body.buildings)
    })
    it('refuses buildings of an estate the grid lacks, other communities and supervisors', async () => {
      const url = `/api/admin/grids/${t.world.grids.a1.id}`
      expect((await call('aa', 'PATCH', url, { name: 'a1', estates: [], buildings: { 幸福小区: ['1栋'] } })).statusCode).toBe(400)
      expect((await call('aa', 'PATCH', `/api/admin/grids/${t.world.grids.b1.id}`, { name: 'x' })).statusCode).toBe(404)
      expect((await call('sa', 'PATCH', url, { name: 'x' })).statusCode).toBe(403)
      expect((await t.store.getGrid(t.world.grids.a1.id))?.name).toBe('a1')
    })
  })

  describe('accounts', () => {
    it('edits, disables, re-enables and resets the password of a worker', async () => {
      const wa2 = t.world.users.wa2.id
      expect((await call('aa', 'PATCH', `/api/admin/users/${wa2}`, { displayName: '李娟', phone: '13800138000' })).json()).toMatchObject({ displayName: '李娟', phone: '13800138000' })
      expect((await call('aa', 'POST', `/api/admin/users/${wa2}/disable`)).statusCode).toBe(200)
      const login = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wa2', password: TEST_PASSWORD } })
      expect((await login()).statusCode).not.toBe(200)
      expect((await call('aa', 'POST', `/api/admin/users/${wa2}/enable`)).json<ConsoleUser>().disabled).toBe(false)
      expect((await login()).statusCode).toBe(200)
      expect((await call('aa', 'POST', `/api/admin/users/${wa2}/password`, { newPassword: 'Lantern-harbor-42' })).statusCode).toBe(200)
      expect((await login()).statusCode).toBe(401)
      const users = (await call('aa', 'GET', '/api/admin/console/users')).json<ConsoleUser[]>()
      expect(users.find((u) => u.id === wa2)).toMatchObject({ disabled: false, gridIds: [t.world.grids.a2.id] })
    })
    it('refuses to turn a worker who holds grids into a supervisor, and accounts of another community', async () => {
      expect((await call('aa', 'PATCH', `/api/admin/users/${t.world.users.wa1.id}`, { role: 'supervisor' })).statusCode).toBe(400)
      expect((await call('aa', 'POST', `/api/admin/users/${t.world.users.wb1.id}/enable`)).statusCode).toBe(404)
      expect((await t.store.getUser(t.world.users.wa1.id))?.role).toBe('worker')
    })
  })

  describe('GET /api/admin/users/:id/devices', () => {
    it("shows each device's last push and what it reported as not yet uploaded", async () => {
      const phone = randomUUID()
      await call('wa1', 'POST', '/api/sync/push', { clientId: phone, schemaVersion: SCHEMA_VERSION, pending: 0, mutations: [] })
      await call('wa1', 'POST', '/api/sync/pull', { clientId: phone, schemaVersion: SCHEMA_VERSION, cursors: {}, pending: 7 })
      const [device] = (await call('aa', 'GET', `/api/admin/users/${t.world.users.wa1.id}/devices`)).json<DeviceWatermark[]>()
      expect(device).toMatchObject({ clientId: phone, pending: 7 })
      expect(device?.lastPushAt).not.toBeNull()
      expect((await call('sa', 'GET', `/api/admin/users/${t.world.users.wa1.id}/devices`)).statusCode).toBe(403)
    })
  })

  describe('GET /api/admin/overview', () => {
    it('gives a district admin every community and a community admin hers, as counts only', async () => {
      const all = (await call('district', 'GET', '/api/admin/overview')).json<{ communityId: string; households: number }[]>()
      expect(all.map((c) => c.communityId).sort()).toEqual([t.world.communityA, t.world.communityB].sort())
      const mine = (await call('aa', 'GET', '/api/admin/overview')).json<{ communityId: string }[]>()
      expect(mine.map((c) => c.communityId)).toEqual([t.world.communityA])
      expect(Object.keys(mine[0] ?? {}).sort()).toEqual(['communityId', 'households', 'keyHouseholds', 'name', 'overdueKey', 'street', 'visited30', 'visited90', 'wishes'])
      expect((await call('sa', 'GET', '/api/admin/overview')).statusCode).toBe(403)
    })
  })

  describe('roster import', () => {
    it('dry-runs, refuses, then imports clean rows that the worker pulls whole; admins get no ID number in full', async () => {
      await t.store.updateGrid({ ...t.world.grids.a1, estates: ['幸福小区'] })
      await t.store.updateGrid({ ...t.world.grids.a2, estates: ['和平里'] })
      const body = { communityId: t.world.communityA, fileName: '台账.xlsx', content: (await writeRegisterXlsx(messyRegister())).toString('base64') }
      const dry = (await call('aa', 'POST', '/api/admin/import/dry-run', body)).json<RosterReport>()
      expect(dry).toMatchObject({ imported: false, errorRows: 2, households: { create: 3 } })
      expect((await call('aa', 'POST', '/api/admin/import', body)).json<RosterReport>().imported).toBe(false)
      expect((await call('aa', 'POST', '/api/admin/import', { ...body, mode: 'clean' })).json<RosterReport>().imported).toBe(true)
      type Pulled = { changes: { kind: string; record: { name?: string; idNumber?: string } }[] }
      const pull = async (who: 'wa1' | 'aa' | 'district') =>
        (await call(who, 'POST', '/api/sync/pull', { clientId: randomUUID(), schemaVersion: SCHEMA_VERSION, cursors: {} })).json<Pulled>().changes
      const persons = (await pull('wa1')).filter((c) => c.kind === 'person').map((c) => c.record)
      expect(persons.map((p) => p.name).sort()).toEqual(['张伟', '张小明', '李建国', '王秀英'].sort())
      expect(persons.find((p) => p.name === '王秀英')?.idNumber).toMatch(/^\d{17}[\dX]$/)
      // The data-minimisation rule (issue 16): a community admin's device gets ID numbers masked, a district admin's nothing.
      const ids = (await pull('aa')).filter((c) => c.kind === 'person').map((c) => c.record.idNumber ?? '')
      expect(ids.filter((id) => /^\d{17}[\dX]$/.test(id))).toEqual([])
      expect(await pull('district')).toEqual([])
      expect((await t.store.listAudit(3)).map((a) => a.action)).toContain('roster-import')
    })
    it('refuses other communities, non-admins and files that are not registers', async () => {
      const content = Buffer.from('hello').toString('base64')
      expect((await call('aa', 'POST', '/api/admin/import/dry-run', { communityId: t.world.communityB, fileName: 'a.csv', content })).statusCode).toBe(404)
      expect((await call('sa', 'POST', '/api/admin/import/dry-run', { communityId: t.world.communityA, fileName: 'a.csv', content })).statusCode).toBe(403)
      const bad = await call('aa', 'POST', '/api/admin/import/dry-run', { communityId: t.world.communityA, fileName: 'a.doc', content })
      expect(bad.statusCode).toBe(400)
      expect(bad.json<{ message: string }>().message).toContain('.xlsx')
    })
  })
})
