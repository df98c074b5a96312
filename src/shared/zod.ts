import { z } from 'zod'

/**
 * zod for every schema of the app, configured before the first schema is built. In the
 * browser zod's compiled fast path (`new Function`) can never run: the server's CSP
 * allows no 'unsafe-eval' (sync-server/plugins/security.ts), and zod's probe for it,
 * made while an object schema is built, is reported by the browser as a CSP violation on
 * every start. So the PWA runs zod `jitless`; the server keeps the compiled path.
 */
if (typeof window !== 'undefined') z.config({ jitless: true })

export { z }
