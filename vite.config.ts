import { createHash } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin, type Rolldown } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

type OutputBundle = Rolldown.OutputBundle
type OutputChunk = Rolldown.OutputChunk

/**
 * Vant's icon font lists a CDN copy (at.alicdn.com) after its inline woff2. Every
 * browser the app supports uses the inline copy, the app must work with no network,
 * and it calls no third-party host (CSP font-src 'self' data:), so the CDN URL goes.
 */
function dropVantCdnFont(): Plugin {
  return {
    name: 'gridsister:drop-vant-cdn-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]vant[\\/].*\.css($|\?)/.test(id)) return null
      return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '')
    },
  }
}

/**
 * Each Vant component carries its own CSS (Vant's `es/<name>/style` entry), so a chunk
 * gets the styles of the components it uses instead of the app loading all of Vant's
 * CSS (53 KB gzip) up front. The app's imports stay explicit (`import { Button } from
 * 'vant'`); only Vant's modules gain the import of their own style.
 */
function vantComponentStyles(): Plugin {
  return {
    name: 'gridsister:vant-component-styles',
    transform(code, id) {
      // The dev server asks for Vant's modules with a version query (`Cell.mjs?v=…`).
      const file = id.replace(/\?.*$/, '')
      const m = /[\\/]vant[\\/]es[\\/][a-z-]+[\\/][^\\/]+\.mjs$/.exec(file)
      if (!m || !existsSync(join(dirname(file), 'style', 'index.mjs'))) return null
      return { code: `import './style/index.mjs';\n${code}`, map: null }
    },
  }
}

/**
 * Vant inlines its icon font (≈ 25 KB gzip of base64) in the CSS, which made it block
 * the first paint. The build moves it into a woff2 file beside the CSS: fetched only when
 * an icon is drawn, in parallel, and precached like every asset for offline use.
 */
function vantIconFontFile(): Plugin {
  const inline = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)/
  return {
    name: 'gridsister:vant-icon-font-file',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css') || typeof file.source !== 'string') continue
        const m = inline.exec(file.source)
        if (!m?.[1]) continue
        const ref = this.emitFile({ type: 'asset', name: 'vant-icon.woff2', source: Buffer.from(m[1], 'base64') })
        file.source = file.source.replace(m[0], `url(./${basename(this.getFileName(ref))})`)
      }
    },
  }
}

/**
 * The chunks (and their stylesheets) a start page needs beyond the entry's: its own
 * chunk and everything it imports statically, as absolute URLs. Keys are paths, values
 * the page's source file (its dynamic import in the router).
 */
function startPageFiles(
  bundle: OutputBundle,
  pages: Record<string, string | string[]>,
  loaded: Set<string>,
): Record<string, { js: string[]; css: string[] }> {
  const chunks = Object.values(bundle).filter((f): f is OutputChunk => f.type === 'chunk')
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const out: Record<string, { js: string[]; css: string[] }> = {}
  for (const [path, sources] of Object.entries(pages)) {
    const js = new Set<string>()
    const css = new Set<string>()
    const visit = (c: OutputChunk): void => {
      const url = `/${c.fileName}`
      if (js.has(url) || loaded.has(url)) return
      js.add(url)
      c.viteMetadata?.importedCss.forEach((f) => css.add(`/${f}`))
      c.imports.forEach((f) => {
        const next = byFile.get(f)
        if (next) visit(next)
      })
    }
    for (const source of [sources].flat()) {
      const page =
        chunks.find((c) => c.facadeModuleId?.endsWith(source)) ?? chunks.find((c) => c.moduleIds.some((id) => id.endsWith(source)))
      if (!page) throw new Error(`start page ${source}: no chunk found`)
      visit(page)
    }
    out[path] = { js: [...js], css: [...css].filter((u) => !loaded.has(u)) }
  }
  return out
}

/**
 * Login's largest text is index.html's shell, drawn by HTML and inline CSS. The built
 * page would still hold its first paint until the entry's stylesheets arrived, and, on a
 * slow phone, start fetching ~170 KB of script before anything is drawn. So the build
 * takes the entry's stylesheets, module preloads and module script out of the HTML and
 * has a small inline loader add them: after the shell's first frame when a shell was
 * drawn (signed out), at once otherwise (signed in: no shell, nothing to wait for). The
 * script (preloaded with the rest at once) is added once the stylesheets have loaded,
 * so the app never mounts unstyled.
 * The URLs are the same files, so the service worker's precache serves them offline.
 * The server's CSP allows no inline script (script-src 'self'), so index.html's inline
 * shell script and the loader become one small file, `assets/boot-<hash>.js`, loaded
 * synchronously where the inline script was (precached like every asset).
 * The loader also preloads the chunks of the page the start opens on (`startPages`: the
 * login page when signed out, else the page of the address), so they are fetched with
 * the entry's instead of after the entry has run and the router has asked for them.
 */
function loadAppAfterShell(startPages: Record<string, string | string[]>): Plugin {
  const tag = /\s*<(script|link)\b[^>]*?\b(?:src|href)="([^"]+)"[^>]*>(?:<\/script>)?/g
  let boot = ''
  let bootFile = ''
  return {
    name: 'gridsister:load-app-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const css: string[] = []
        const preload: string[] = []
        let entry = ''
        const rest = html.replace(tag, (whole: string, kind: string, url: string) => {
          if (kind === 'script' && whole.includes('type="module"')) entry = url
          else if (whole.includes('rel="modulepreload"')) preload.push(url)
          else if (whole.includes('rel="stylesheet"')) css.push(url)
          else return whole
          return ''
        })
        if (!entry) throw new Error('index.html: no module entry found')
        const pages = JSON.stringify(startPageFiles(ctx.bundle ?? {}, startPages, new Set([...css, ...preload, entry])))
        // r: the start page's chunks, by path; signed out, every path shows the login page.
        // Signed in, also the chunks the session's restore loads ($session).
        const loader = `(function(){var d=document,h=d.head,c=${JSON.stringify(css)},p=${JSON.stringify(preload)},n=c.length+1,g=${pages},s=null;
try{s=localStorage.getItem('gridsister.session')}catch(e){}
var r=g[s?location.pathname.replace(/(.)\\/$/,'$1'):'/login']||{js:[],css:[]};
function more(a,b){return a.concat(b.filter(function(u){return a.indexOf(u)<0}))}
if(s)r={js:more(r.js,g.$session.js),css:more(r.css,g.$session.css)};
function add(t,a){var e=d.createElement(t);for(var k in a)e[k]=a[k];e.crossOrigin='';h.appendChild(e);return e}
function run(){if(--n===0)add('script',{type:'module',src:${JSON.stringify(entry)}})}
function start(){p.concat(${JSON.stringify(entry)},r.js).forEach(function(u){add('link',{rel:'modulepreload',href:u})});c.forEach(function(u){add('link',{rel:'stylesheet',href:u,onload:run,onerror:run})});r.css.forEach(function(u){add('link',{rel:'preload',as:'style',href:u})});run()}
if(d.getElementById('app').firstChild)requestAnimationFrame(function(){setTimeout(start)});else start()})()`
        const inline = /<script>([\s\S]*?)<\/script>/.exec(rest)
        if (!inline?.[1]) throw new Error('index.html: no inline shell script found')
        boot = `${inline[1].trim()};\n${loader};\n`
        const name = `assets/boot-${createHash('sha256').update(boot).digest('hex').slice(0, 10)}.js`
        bootFile = name
        return rest.replace(inline[0], `<script src="/${name}"></script>`)
      },
    },
    writeBundle(options) {
      if (bootFile && options.dir) writeFileSync(join(options.dir, bootFile), boot)
    },
  }
}

// The app shell is precached so a cold start with no network opens the app;
// the API is never cached by the service worker (sync owns freshness).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  // The dev server would pre-bundle Vant into one module, which vantComponentStyles never
  // sees: its components came up unstyled. Served as its own modules, each brings its CSS.
  optimizeDeps: { exclude: ['vant'] },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Everything the entry imports statically is needed before anything draws:
            // one chunk instead of ~25 (offline, each file is a service-worker fetch, and
            // each preload link costs the boot script a request of its own).
            { name: 'app', tags: ['$initial'] },
            // What the pages share, in two chunks instead of ~20 small ones: the Vant
            // components used by four pages or more, and the app's modules used by three
            // (the supervisor's workspace keeps its own chunks). A start page then needs
            // ~6 files of its own, measured no larger in gzip than the split ones.
            { name: 'vant', test: /[\\/]node_modules[\\/]vant[\\/]/, minShareCount: 4 },
            // The login screen's one request (the demo accounts) needs zod, the HTTP
            // layer and the vocabulary's schemas, but neither the device database nor the
            // record schemas (constructing those is most of zod's cost at start): three
            // chunks, so that it evaluates only the first two.
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
            { name: 'public-api', test: /[\\/]src[\\/](shared[\\/](zod|vocab|public-api)|sync[\\/](http|transport|demo-accounts-api))\.ts$/ },
            // Not the password rule and its common-password list (~30 kB): only the
            // change-password page needs them, so they stay in its chunk.
            { name: 'api', test: /[\\/]src[\\/](shared[\\/](?!password-policy|common-passwords)|sync[\\/]auth-api\.ts$)/ },
            { name: 'common', test: /[\\/]src[\\/](?!features[\\/]supervisor)/, minShareCount: 3 },
            // What a signed-in start loads beside its page (session, sync start,
            // persistence): one small file rather than three.
            { name: 'signed-in', test: /[\\/]src[\\/](components[\\/]signed-in-services|features[\\/]pwa[\\/]persist|features[\\/]auth[\\/]session-storage)/ },
          ],
        },
      },
    },
  },
  // vue-i18n's bundler flags: the app uses only the Composition API (`legacy: false`,
  // `useI18n`/`t`, no global $t or <i18n-t>) and hands vue-i18n its messages already
  // compiled (src/i18n/compile-messages.ts), so the legacy API, the global components
  // and the message compiler are left out of the first screen's script.
  define: {
    // Every component (the app's, Vant's, the router's) uses setup(): no Options API.
    __VUE_OPTIONS_API__: false,
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  },
  plugins: [
    dropVantCdnFont(),
    vantComponentStyles(),
    vantIconFontFile(),
    vue(),
    // The pages a start opens on (the tab pages and the login page): their chunks are
    // fetched with the entry's instead of after the router has run.
    loadAppAfterShell({
      '/': 'src/features/today/TodayPage.vue',
      '/households': 'src/features/households/HouseholdListPage.vue',
      '/wishes': 'src/features/wishes/WishTreePage.vue',
      '/settings': 'src/features/settings/SettingsPage.vue',
      '/login': 'src/features/auth/LoginPage.vue',
      // Not a page: what main.ts loads to restore a saved session (and its database).
      $session: ['src/features/auth/session-storage.ts', 'src/db/db.ts'],
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '格子姐姐',
        short_name: '格子姐姐',
        description: '网格员入户走访、微心愿与需求评估，离线可用',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#fff7f5',
        theme_color: '#d9363e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The spreadsheet writer and the chart library serve only the supervisor's
        // workspace (online by nature) and weigh ~1.4 MB: not every worker's cheap phone
        // should download them on install. They are cached when first used instead.
        globIgnores: ['**/exceljs*.js', '**/SupervisorChart*.js'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/[^/]+\.(js|css)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'gridsister-lazy-assets', expiration: { maxEntries: 40 } },
          },
        ],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once, so the app works offline
        // without a second visit; updates still wait for the person's tap (prompt mode).
        clientsClaim: true,
      },
    }),
  ],
})
