import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginPage from '@/features/auth/LoginPage.vue'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { json } from '../../sync/sync-test-kit'
import { authServer, publicUser } from './auth-test-kit'

const WECHAT_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.33(0x18002129) NetType/4G Language/zh_CN'
const DINGTALK = 'Mozilla/5.0 (Linux; Android 12; PFEM10) AppleWebKit/537.36 Chrome/97.0 Mobile Safari/537.36 AliApp(DingTalk/7.0.10) com.alibaba.android.rimet/28930000'
const HUAWEI = 'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00) AppleWebKit/537.36 Chrome/99.0 HuaweiBrowser/13.0.5.302 Mobile Safari/537.36'

async function mountAs(ua: string) {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ua)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)', component: LoginPage }] })
  await router.push('/login')
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'zh-CN'
  const server = authServer({ 'demo-worker-1': publicUser() })
  server.on('GET', '/api/auth/demo-accounts', () => json({ password: 'gridsister-demo', accounts: [{ username: 'demo-worker-1', displayName: '李梅', role: 'worker' }] }))
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
})
afterEach(() => {
  setTransport()
  vi.restoreAllMocks()
})

describe('LoginPage in an in-app browser', () => {
  it('inside WeChat on an iPhone, guides her to ⋯ → 在 Safari 中打开 before any sign-in form', async () => {
    const w = await mountAs(WECHAT_IOS)
    expect(w.find('[data-testid="in-app-guide"]').text()).toContain('在微信里打开，手机上的记录可能被清掉')
    expect(w.find('[data-testid="in-app-step"]').text()).toBe('点右上角的“⋯”，再选“在 Safari 中打开”。')
    expect(w.find('[data-testid="login-username"]').exists()).toBe(false)
    expect(w.find('[data-testid="demo-accounts"]').exists()).toBe(false)
    await w.find('[data-testid="in-app-stay"]').trigger('click')
    expect(w.find('[data-testid="login-username"]').exists()).toBe(true)
    w.unmount()
  })

  it('inside DingTalk on Android, says 在浏览器打开 and copies the link', async () => {
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = await mountAs(DINGTALK)
    expect(w.find('[data-testid="in-app-step"]').text()).toContain('在浏览器打开')
    await w.find('[data-testid="in-app-copy"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(location.href)
    expect(w.text()).toContain('链接已复制')
    w.unmount()
  })

  it("in the phone's own browser, signs in as usual and gives install steps with hers first", async () => {
    const w = await mountAs(HUAWEI)
    expect(w.find('[data-testid="in-app-guide"]').exists()).toBe(false)
    expect(w.find('[data-testid="login-username"]').exists()).toBe(true)
    const steps = w.findAll('[data-testid="install-steps"] li')
    expect(steps.map((s) => s.attributes('data-browser'))).toEqual(['huawei', 'xiaomi', 'oppo-vivo', 'chrome', 'ios-safari'])
    expect(steps[0]!.text()).toContain('您正在用的浏览器')
    expect(w.find('[data-testid="install-steps"]').text()).toContain('“分享”按钮')
    w.unmount()
  })
})
