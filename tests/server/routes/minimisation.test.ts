import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PullReply, RevealReply, type Person, type PersonFields, type PushReply } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdFields, householdPut, TestDevice } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

// A valid number (GB 11643) of the member below: born 1980-01-01, a woman.
const ID_NUMBER = '430102198001011241'
const PHONE = '13912345678'

function personFields(householdId: string): PersonFields {
  return {
    householdId, name: '张秀兰', sex: 'F', birthDate: '1980-01-01', relation: 'self', phone: PHONE, idNumber: ID_NUMBER,
    keyGroups: ['disabled'], notes: '',
  }
}

describe.each(BACKENDS)('data minimisation by role on $name', (backend) => {
  const t = useWorldApp(backend)
  type Who = keyof World['users']
  const post = (who: Who, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: t.auth[who], payload })

  /** Worker wa1 records a household and its head in grid a1. */
  async function seedPerson() {
    const g = t.world.grids.a1.id
    const hh = householdPut(g, randomUUID(), householdFields({ phone: PHONE }))
    const personId = randomUUID()
    const d = new TestDevice()
    const res = await post('wa1', '/api/sync/push', d.push([
      d.m('household.put', hh),
      d.m('person.put', { id: personId, gridId: g, patch: personFields(hh.id), base: {} }),
    ]))
    expect(res.json<PushReply>().results.map((r) => r.status)).toEqual(['applied', 'applied'])
    return { householdId: hh.id, personId, gridId: g }
  }
  const pullAs = async (who: Who) => PullReply.parse((await post(who, '/api/sync/pull', new TestDevice().pull())).json())
  const personIn = (reply: PullReply, id: string) => reply.changes.find((c) => c.kind === 'person' && c.record.id === id)?.record as Person | undefined

  describe('POST /api/sync/pull', () => {
    it('gives the worker of the grid every field in full', async () => {
      const { personId } = await seedPerson()
      expect(personIn(await pullAs('wa1'), personId)).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE, keyGroups: ['disabled'] })
    })

    it('gives the supervisor ID numbers and phones masked, and nothing in full anywhere in the reply', async () => {
      const { personId, householdId } = await seedPerson()
      const res = await post('sa', '/api/sync/pull', new TestDevice().pull())
      expect(res.body).not.toContain(ID_NUMBER)
      expect(res.body).not.toContain(PHONE)
      const reply = PullReply.parse(res.json())
      expect(personIn(reply, personId)).toMatchObject({ idNumber: '4301**********1241', phone: '139****5678', name: '张秀兰', keyGroups: ['disabled'] })
      expect(reply.changes.find((c) => c.kind === 'household' && c.record.id === householdId)?.record).toMatchObject({ phone: '139****5678' })
    })

    it('sends no admin a record at all, of a community or of none (the console works online)', async () => {
      const { personId } = await seedPerson()
      const community = await pullAs('aa')
      expect(personIn(community, personId)).toBeUndefined()
      expect(community.changes).toEqual([])
      const district = await pullAs('district')
      expect(district.changes).toEqual([])
      expect(district.grids.length).toBeGreaterThan(0)
    })
  })

  describe('POST /api/sync/push of a masked field', () => {
    it('refuses a supervisor writing an ID number or phone, and keeps the real value', async () => {
      const { personId, gridId } = await seedPerson()
      const d = new TestDevice()
      const res = await post('sa', '/api/sync/push', d.push([
        d.m('person.put', { id: personId, gridId, patch: { idNumber: '430102198001019999' }, base: {} }),
        d.m('person.put', { id: personId, gridId, patch: { notes: '已核实' }, base: {} }),
      ]))
      const [masked, notes] = res.json<PushReply>().results
      expect(masked).toMatchObject({ status: 'rejected', code: 'forbidden' })
      // base {}: the supervisor's device had not seen the notes; the merge keeps hers as the newer.
      expect(notes?.status).toMatch(/^(applied|merged)$/)
      const stored = (await t.store.getRecord('person', personId))?.data as Person
      expect(stored).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE, notes: '已核实' })
    })

    it('lets a supervisor create a household with its phone: there is no real value to overwrite', async () => {
      const d = new TestDevice()
      const hh = householdPut(t.world.grids.a2.id, randomUUID(), householdFields({ phone: PHONE }))
      const res = await post('sa', '/api/sync/push', d.push([d.m('household.put', hh)]))
      expect(res.json<PushReply>().results[0]?.status).toBe('applied')
      expect(((await t.store.getRecord('household', hh.id))?.data as { phone: string }).phone).toBe(PHONE)
    })

    it('refuses the masked form itself as a value, whoever sends it', async () => {
      const { personId, gridId } = await seedPerson()
      const d = new TestDevice()
      const res = await post('wa1', '/api/sync/push', d.push([
        d.m('person.put', { id: personId, gridId, patch: { idNumber: '4301**********1241' }, base: {} }),
      ]))
      expect(res.statusCode).toBe(400)
      expect(((await t.store.getRecord('person', personId))?.data as Person).idNumber).toBe(ID_NUMBER)
    })
  })

  describe('POST /api/records/:kind/:id/reveal', () => {
    it('gives the supervisor the full values and audits who revealed what', async () => {
      const { personId } = await seedPerson()
      const res = await post('sa', `/api/records/person/${personId}/reveal`)
      expect(res.statusCode).toBe(200)
      expect(RevealReply.parse(res.json()).fields).toEqual({ idNumber: ID_NUMBER, phone: PHONE })
      const entry = (await t.store.listAudit(5)).find((a) => a.action === 'reveal')
      expect(entry).toMatchObject({ userId: t.world.users.sa.id, detail: { kind: 'person', id: personId, fields: ['idNumber', 'phone'] } })
      expect(JSON.stringify(entry)).not.toContain(ID_NUMBER)
    })

    it('answers 404 for another community, 403 for a worker or an admin of no community, and audits none', async () => {
      const { personId } = await seedPerson()
      expect((await post('sb', `/api/records/person/${personId}/reveal`)).statusCode).toBe(404)
      expect((await post('wa1', `/api/records/person/${personId}/reveal`)).statusCode).toBe(403)
      expect((await post('district', `/api/records/person/${personId}/reveal`)).statusCode).toBe(403)
      expect((await post('sa', `/api/records/person/${randomUUID()}/reveal`)).statusCode).toBe(404)
      expect((await t.store.listAudit(10)).filter((a) => a.action === 'reveal')).toEqual([])
    })
  })
})
