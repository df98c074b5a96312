import { isResponseSerializationError } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PushReply } from '../../../src/shared'
import { checkedSerializer } from '../../../sync-server/plugins/checked-serializer'

const serialize = (schema: unknown) => checkedSerializer({ schema, method: 'POST', url: '/api/sync/push' })
const reply = (results: unknown[]) => ({ results, lastSeq: 1, serverHlc: '000001700000000-00000-server' })
const result = { mutationId: '0190a000-0000-7000-8000-000000000001', seq: 1, status: 'applied' }

describe('checkedSerializer', () => {
  it('writes a reply that matches its schema as zod encoding would, without keys outside it', () => {
    const body = reply([{ ...result, internal: 'not for the client' }])
    const json = serialize(PushReply)(body)
    expect(JSON.parse(json)).toEqual(reply([result]))
    expect(JSON.parse(json)).toEqual(z.encode(PushReply, reply([result]) as z.output<typeof PushReply>))
  })

  it('throws a response serialization error for a reply that does not match', () => {
    let thrown: unknown
    try {
      serialize(PushReply)(reply([{ ...result, status: 'lost' }]))
    } catch (err) {
      thrown = err
    }
    expect(isResponseSerializationError(thrown)).toBe(true)
  })

  it('refuses a schema that is not a zod schema', () => {
    expect(() => serialize({ type: 'object' })).toThrow(TypeError)
  })
})
