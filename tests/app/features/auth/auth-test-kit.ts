import { v7 as uuidv7 } from 'uuid'
import type { LoginReply, PublicUser } from '@/shared'
import { GRID_ID } from '../../../helpers/app/factories'
import { error, json, scriptedServer, type ScriptedServer } from '../../sync/sync-test-kit'

/** Users and a login endpoint for the auth and sync store tests. */

export function publicUser(over: Partial<PublicUser> = {}): PublicUser {
  return {
    id: uuidv7(),
    username: 'demo-worker-1',
    displayName: '李梅',
    role: 'worker',
    communityId: uuidv7(),
    gridIds: [GRID_ID],
    ...over,
  }
}

/** A scripted server whose login accepts `accounts` (username → user) with `password`. */
export function authServer(accounts: Record<string, PublicUser>, password = 'gridsister-demo'): ScriptedServer & { tokens: Map<string, string> } {
  const server = scriptedServer()
  const tokens = new Map<string, string>()
  server.on('POST', '/api/auth/login', (req) => {
    const body = req.body as { username: string; password: string }
    const user = accounts[body.username]
    if (!user || body.password !== password) return error(401, 'unauthorized', 'wrong username or password')
    const token = `tok_${uuidv7().replace(/-/g, '')}`
    tokens.set(token, user.id)
    const reply: LoginReply = { token, user, expiresAt: new Date(Date.now() + 86_400_000).toISOString() }
    return json(reply)
  })
  server.on('POST', '/api/auth/logout', () => json({ ok: true }))
  return Object.assign(server, { tokens })
}
