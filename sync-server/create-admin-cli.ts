import { parseArgs } from 'node:util'
import { createAdmin } from './cli/create-admin'
import { ask } from './cli/prompt'
import { loadConfig, openStore } from './config'

/**
 * `npm run create-admin [-- --username U --display-name NAME]`: creates an administrator
 * in the configured database (DATABASE_URL), asking for what is not given. The password
 * is asked on the terminal (twice, not echoed), or read from GRIDSISTER_ADMIN_PASSWORD
 * for scripted installs; never from the command line, where `ps` and shell history see it.
 */
const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } })
const username = values.username ?? (await ask('用户名 username: '))
const displayName = values['display-name'] ?? (await ask('姓名 display name: '))
let password = process.env.GRIDSISTER_ADMIN_PASSWORD ?? ''
if (!password) {
  password = await ask('密码 password (至少 8 个字符): ', { secret: true })
  if ((await ask('再输一次 again: ', { secret: true })) !== password) {
    console.error('[gridsister] 两次输入的密码不一样 / the passwords differ')
    process.exit(1)
  }
}
const config = loadConfig()
const store = await openStore(config.database)
const result = await createAdmin(store, { username, displayName, password })
await store.close()
if (!result.ok) {
  console.error(`[gridsister] ${result.message}`)
  process.exit(1)
}
console.info(`[gridsister] 管理员 ${result.user.username} 已创建 / administrator created (${config.database.kind})`)
