import type { Store } from './storage/store'

/**
 * What a start may do with the database it opened (issue 16, "demo only when asked"):
 * - demo: an empty database gets the demo community; anything else opens as it is.
 * - production: never creates or lists demo accounts; refuses a database that holds
 *   them (their password is printed in the README); refuses an empty database, which
 *   would have no way in but a published one: `npm run create-admin` makes the first
 *   administrator.
 */
export type StartPlan = { action: 'load-demo' } | { action: 'open' } | { action: 'refuse'; message: string }

/** Usernames reserved for the demo accounts. */
export const DEMO_USERNAME_PREFIX = 'demo-'

export async function planStart(store: Store, demo: boolean): Promise<StartPlan> {
  const users = await store.countUsers()
  if (demo) return users === 0 ? { action: 'load-demo' } : { action: 'open' }
  if (users === 0) {
    return {
      action: 'refuse',
      message:
        '数据库里还没有管理员账号。生产模式不会自动创建账号：请先运行 `npm run create-admin`（同样的 DATABASE_URL），再启动。\n' +
        'The database has no account yet. In production no account is created by itself: run `npm run create-admin` (same DATABASE_URL) first.',
    }
  }
  const demoUsers = (await store.listUsers(null)).filter((u) => u.username.startsWith(DEMO_USERNAME_PREFIX))
  if (demoUsers.length > 0) {
    const names = demoUsers.map((u) => u.username).join(', ')
    return {
      action: 'refuse',
      message:
        `这个数据库里有演示账号（${names}），它们的密码是公开的。生产模式不打开它：请换一个新的数据库（DATABASE_URL），或用 GRIDSISTER_DEMO=1 以演示模式运行。\n` +
        `This database holds the demo accounts (${names}), whose password is public. A production server does not open it: use a new database, or run the demo with GRIDSISTER_DEMO=1.`,
    }
  }
  return { action: 'open' }
}
