import { randomUUID } from 'node:crypto'
import { checkPassword } from '../../src/shared/password-policy'
import { hashPassword } from '../auth/passwords'
import { DEMO_USERNAME_PREFIX } from '../startup'
import type { Store, UserRow } from '../storage/store'

/**
 * The first administrator of a production server (`npm run create-admin`): a district
 * administrator (no community), so she can create communities, grids and accounts. The
 * same rules as the API: a valid username not yet taken, not a demo name, and a password
 * the shared rule accepts. She chose the password herself, so she need not change it.
 */
export interface AdminInput {
  username: string
  displayName: string
  password: string
}

export type CreateAdminResult = { ok: true; user: UserRow } | { ok: false; message: string }

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/

export async function createAdmin(store: Store, input: AdminInput, now = Date.now()): Promise<CreateAdminResult> {
  const username = input.username.trim().toLowerCase()
  const displayName = input.displayName.trim()
  if (!USERNAME.test(username)) return { ok: false, message: '用户名需 3–40 个字符：小写字母、数字、. _ -' }
  if (username.startsWith(DEMO_USERNAME_PREFIX)) return { ok: false, message: `“${DEMO_USERNAME_PREFIX}”开头的用户名留给演示账号` }
  if (displayName.length === 0 || displayName.length > 40) return { ok: false, message: '姓名需 1–40 个字' }
  const verdict = checkPassword(input.password, username)
  if (!verdict.ok) return { ok: false, message: verdict.message }
  if (await store.findUserByUsername(username)) return { ok: false, message: `用户名 ${username} 已被使用` }
  const user: UserRow = {
    id: randomUUID(), username, displayName, role: 'admin', communityId: null, phone: '',
    passwordHash: await hashPassword(input.password), disabled: false, createdAt: now, mustChangePassword: false,
  }
  await store.transaction(async (tx) => {
    await tx.insertUser(user)
    await tx.audit({ userId: user.id, action: 'admin-create', detail: { via: 'create-admin' } })
  })
  return { ok: true, user }
}
