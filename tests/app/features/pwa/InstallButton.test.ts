import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import InstallButton from '@/features/pwa/InstallButton.vue'
import { createInstallPrompt, type InstallTarget } from '@/features/pwa/install-prompt'

/** A window that lets the test fire the browser's install events. */
class FakeWindow implements InstallTarget {
  private readonly listeners = new Map<string, ((e: Event) => void)[]>()
  constructor(private readonly standalone = false) {}
  addEventListener(type: string, listener: (e: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
  }
  matchMedia(): { matches: boolean } {
    return { matches: this.standalone }
  }
  fire(type: string, event: Event): void {
    for (const l of this.listeners.get(type) ?? []) l(event)
  }
}

/** Chromium's beforeinstallprompt, with the person's choice decided by the test. */
function offer(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true })
  let prompted = 0
  Object.assign(event, {
    prompt: async () => {
      prompted++
    },
    userChoice: Promise.resolve({ outcome }),
  })
  return { event, prompted: () => prompted }
}

function mountButton(win: FakeWindow) {
  const prompt = createInstallPrompt(win)
  const wrapper = mount(InstallButton, { props: { prompt }, global: { plugins: [i18n] } })
  return { prompt, wrapper }
}

describe('InstallButton', () => {
  it('shows nothing until the browser offers installation', () => {
    const { wrapper, prompt } = mountButton(new FakeWindow())
    expect(prompt.state.value).toBe('unavailable')
    expect(wrapper.find('[data-testid="install-button"]').exists()).toBe(false)
  })

  it('captures the offer, keeps the mini-infobar away and shows the button', async () => {
    const win = new FakeWindow()
    const { wrapper } = mountButton(win)
    const { event } = offer('accepted')
    win.fire('beforeinstallprompt', event)
    await nextTick()
    expect(event.defaultPrevented).toBe(true)
    expect(wrapper.get('[data-testid="install-button"]').text()).toBe('安装到桌面')
  })

  it('prompts on tap and hides once the person accepts', async () => {
    const win = new FakeWindow()
    const { wrapper, prompt } = mountButton(win)
    const o = offer('accepted')
    win.fire('beforeinstallprompt', o.event)
    await nextTick()
    await wrapper.get('[data-testid="install-button"]').trigger('click')
    await flushPromises()
    expect(o.prompted()).toBe(1)
    expect(prompt.state.value).toBe('installed')
    expect(wrapper.find('[data-testid="install-button"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="install-installed"]').text()).toBe('已安装到桌面')
  })

  it('hides the used offer when the person dismisses it, until the browser offers again', async () => {
    const win = new FakeWindow()
    const { wrapper, prompt } = mountButton(win)
    win.fire('beforeinstallprompt', offer('dismissed').event)
    await nextTick()
    await wrapper.get('[data-testid="install-button"]').trigger('click')
    await flushPromises()
    expect(prompt.state.value).toBe('unavailable')
    expect(wrapper.find('[data-testid="install-button"]').exists()).toBe(false)
    win.fire('beforeinstallprompt', offer('accepted').event)
    await nextTick()
    expect(wrapper.find('[data-testid="install-button"]').exists()).toBe(true)
  })

  it('hides the button when the app gets installed from the browser menu', async () => {
    const win = new FakeWindow()
    const { wrapper, prompt } = mountButton(win)
    win.fire('beforeinstallprompt', offer('accepted').event)
    win.fire('appinstalled', new Event('appinstalled'))
    await nextTick()
    expect(prompt.state.value).toBe('installed')
    expect(wrapper.find('[data-testid="install-button"]').exists()).toBe(false)
  })

  it('knows it is installed when running standalone', () => {
    const { prompt } = mountButton(new FakeWindow(true))
    expect(prompt.state.value).toBe('installed')
  })

  it('answers unavailable when asked to install with no offer', async () => {
    const { prompt } = mountButton(new FakeWindow())
    expect(await prompt.install()).toBe('unavailable')
  })
})
