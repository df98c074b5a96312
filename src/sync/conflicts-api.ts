import { z } from '@/shared/zod'
import { Conflict } from '@/shared'
import { createHttp } from './http'
import { getTransport } from './transport'

/** Open conflicts of the supervisor's community, or null when not allowed / unreachable. */
export async function openConflictCount(token: string): Promise<number | null> {
  const http = createHttp({ ...getTransport(), getToken: () => token })
  const res = await http.send({ method: 'GET', path: '/api/conflicts', schema: z.array(Conflict) })
  return res.ok && res.body ? res.body.filter((c) => c.resolvedAt === null).length : null
}
