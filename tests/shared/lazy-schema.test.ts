import { describe, expect, it, vi } from 'vitest'
import { lazySchema, z } from '../../src/shared/zod'
import { serverVisit } from '../app/sync/sync-test-kit'

const householdId = '0b7a3e7e-0a7e-4f4e-9a51-5a4b1f9e2c12'

describe('lazySchema', () => {
  const build = () =>
    z.object({
      name: z.string().trim().min(1),
      age: z.number().int().nullable(),
    })

  it('builds the schema on first use, once', () => {
    const builder = vi.fn(build)
    const Person = lazySchema(builder)
    expect(builder).not.toHaveBeenCalled()
    expect(Person.parse({ name: ' 李秀英 ', age: 67 })).toEqual({ name: '李秀英', age: 67 })
    expect(Person.safeParse({ name: '', age: 1.5 }).success).toBe(false)
    expect(builder).toHaveBeenCalledTimes(1)
  })

  it('behaves as the schema itself: properties, methods, instanceof, nesting', () => {
    const Person = lazySchema(build)
    expect(Person).toBeInstanceOf(z.ZodObject)
    expect(Object.keys(Person.shape)).toEqual(['name', 'age'])
    expect('_zod' in Person).toBe(true)
    const WithId = Person.extend({ id: z.string() })
    expect(WithId.parse({ id: 'a', name: 'x', age: null })).toEqual({ id: 'a', name: 'x', age: null })
    expect(Person.partial().parse({})).toEqual({})
    // Nested in an eager schema and in another lazy one, parsed through both.
    const Household = lazySchema(() => z.object({ head: Person, members: z.array(Person).max(2) }))
    const h = { head: { name: 'a', age: 1 }, members: [{ name: 'b', age: null }] }
    expect(Household.parse(h)).toEqual(h)
    const bad = Household.safeParse({ head: { name: '', age: 1 }, members: [] })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['head', 'name'])
    expect(z.object({ p: Person.nullable() }).parse({ p: null })).toEqual({ p: null })
    expect(z.toJSONSchema(Household)).toMatchObject({ type: 'object', required: ['head', 'members'] })
  })

  it('leaves every record schema of the shared modules unbuilt until one is used', async () => {
    vi.resetModules()
    const built: string[] = []
    vi.doMock('../../src/shared/zod', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../src/shared/zod')>()
      return {
        ...real,
        lazySchema: <T extends object>(b: () => T) =>
          real.lazySchema(() => {
            built.push(b.toString())
            return b()
          }),
      }
    })
    try {
      const shared = await import('../../src/shared/index')
      expect(built).toEqual([])
      const visit = serverVisit(householdId)
      shared.Visit.parse(visit)
      // The visit and the photo reference it nests: nothing else.
      expect(built).toHaveLength(2)
      // An empty pull (an ordinary start's) builds no record schema; a page builds those
      // of the kinds it holds.
      built.length = 0
      const serverHlc = shared.encodeHlc({ millis: Date.now(), counter: 0, node: 'server' })
      const reply = { changes: [], cursors: {}, grids: [], gridsLost: [], hasMore: false, serverHlc }
      shared.PullReply.parse(reply)
      // Household, person, wish, assessment, review (the visit's was built above).
      const recordBuilders = () => built.filter((b) => /headName|idNumber|claimedBy|assessorId|resubmittedBy/.test(b))
      expect(recordBuilders()).toEqual([])
      shared.PullReply.parse({ ...reply, changes: [{ kind: 'visit', seq: 1, record: visit }] })
      expect(recordBuilders()).toEqual([])
      expect(shared.PullReply.safeParse({ ...reply, changes: [{ kind: 'visit', seq: 1, record: { ...visit, method: 'fax' } }] }).success).toBe(false)
    } finally {
      vi.doUnmock('../../src/shared/zod')
      vi.resetModules()
    }
  })
})
