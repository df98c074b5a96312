import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { closeDb } from '@/db/db'
import LoginPage from '@/features/auth/LoginPage.vue'
import { useAuthStore } from '@/features/auth/auth-store'
import { i18n } from '@/i18n'
import { setTransport } from '@/sync/transport'
import { error, json } from '../../sync/sync-test-kit'
import { authServer, publicUser } from './auth-test-kit'

let server: ReturnType<typeof authServer>

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>today</p>' } },
      { path: '/login', component: LoginPage },
    ],
  })
  await router.push('/login?next=/sync-target')
  router.addRoute({ path: '/sync-target', component: { template: '<p>target</p>' } })
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] } })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  closeDb()
  i18n.global.locale.value = 'zh-CN'
  server = authServer({ 'demo-worker-1': publicUser() })
  server.on('GET', '/api/auth/demo-accounts', () =>
    json({ password: 'gridsister-demo', accounts: [{ username: 'demo-worker-1', displayName: '李梅', role: 'worker' }] }),
  )
  setTransport({ baseUrl: 'http://sync.test', fetch: server.fetch })
})
afterEach(() => setTransport())

describe('LoginPage', () => {
  it('lists demo accounts; one tap fills the form and signing in goes to the next page', async () => {
    const { wrapper, router } = await mountPage()
    // The demo accounts load after the first frame (the request's module, then the reply).
    await vi.waitFor(() => expect(wrapper.find('.login__demo-account').exists()).toBe(true))
    const account = wrapper.find('.login__demo-account')
    expect(account.text()).toContain('李梅')
    expect(account.text()).toContain('网格员')
    await account.trigger('click')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/sync-target'))
    expect(useAuthStore().state).toBe('signed-in')
  })

  it('hides the demo list when the server is not in demo mode', async () => {
    server.on('GET', '/api/auth/demo-accounts', () => error(404, 'not-found'))
    const { wrapper } = await mountPage()
    await vi.waitFor(() => expect(server.requests.some((r) => r.path === '/api/auth/demo-accounts')).toBe(true))
    await flushPromises()
    expect(wrapper.find('[data-testid="demo-accounts"]').exists()).toBe(false)
  })

  it('says in Chinese that the password is wrong and stays on the page', async () => {
    const { wrapper, router } = await mountPage()
    await wrapper.find('[data-testid="login-username"] input').setValue('demo-worker-1')
    await wrapper.find('[data-testid="login-password"] input').setValue('not-the-password')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码不对'))
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('asks for both fields before sending anything', async () => {
    const { wrapper } = await mountPage()
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('请填写用户名和密码')
    expect(server.requests.some((r) => r.path === '/api/auth/login')).toBe(false)
  })

  it('tells her she is offline when the network is down', async () => {
    const { wrapper } = await mountPage()
    setTransport({ baseUrl: 'http://sync.test', fetch: () => Promise.reject(new TypeError('Failed to fetch')) })
    await wrapper.find('[data-testid="login-username"] input').setValue('demo-worker-1')
    await wrapper.find('[data-testid="login-password"] input').setValue('gridsister-demo')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="login-error"]').text()).toContain('没有网络'))
  })
})
