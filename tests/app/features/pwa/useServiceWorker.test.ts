import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { effectScope } from 'vue'
import { useServiceWorker } from '@/features/pwa/useServiceWorker'
import { FakeWorkbox } from './fake-workbox'

describe('useServiceWorker', () => {
  let wb: FakeWorkbox
  let reload: Mock<() => void>
  beforeEach(() => {
    wb = new FakeWorkbox()
    reload = vi.fn<() => void>()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const make = (enabled = true) =>
    useServiceWorker({ enabled, createWorkbox: () => wb, reload, checkEveryMs: 1000 })

  it('registers nothing when disabled (development builds)', async () => {
    const sw = make(false)
    await sw.register()
    expect(sw.state.value).toBe('disabled')
    expect(wb.registered).toBe(0)
  })

  it('registers once and becomes ready', async () => {
    const sw = make()
    expect(sw.state.value).toBe('registering')
    await sw.register()
    await sw.register()
    expect(wb.registered).toBe(1)
    expect(sw.state.value).toBe('ready')
    expect(sw.updateAvailable.value).toBe(false)
  })

  it('reports a waiting version as an available update', async () => {
    const sw = make()
    await sw.register()
    wb.emit('waiting')
    expect(sw.state.value).toBe('update-available')
    expect(sw.updateAvailable.value).toBe(true)
  })

  it('does not reload when the first install takes control', async () => {
    const sw = make()
    await sw.register()
    wb.emit('controlling', { isUpdate: false })
    expect(reload).not.toHaveBeenCalled()
    expect(sw.state.value).toBe('ready')
  })

  it('activates the waiting version and reloads once it controls the page', async () => {
    const sw = make()
    await sw.register()
    wb.emit('waiting')
    sw.applyUpdate()
    expect(wb.skipWaitingMessages).toBe(1)
    expect(sw.state.value).toBe('updating')
    expect(reload).not.toHaveBeenCalled()
    wb.emit('controlling', { isUpdate: true })
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('asks for a reload when another tab activated the new version, and reloads on tap', async () => {
    const sw = make()
    await sw.register()
    wb.emit('controlling', { isUpdate: true })
    expect(sw.state.value).toBe('update-available')
    expect(reload).not.toHaveBeenCalled()
    sw.applyUpdate()
    expect(reload).toHaveBeenCalledTimes(1)
    expect(wb.skipWaitingMessages).toBe(0)
  })

  it('ignores applyUpdate when no update waits', async () => {
    const sw = make()
    await sw.register()
    sw.applyUpdate()
    expect(wb.skipWaitingMessages).toBe(0)
    expect(sw.state.value).toBe('ready')
  })

  it('reports a failed registration as an error', async () => {
    wb.registerError = new Error('SecurityError: insecure origin')
    const sw = make()
    await sw.register()
    expect(sw.state.value).toBe('error')
    expect(sw.error.value).toContain('insecure origin')
  })

  it('checks for a new version periodically until its scope ends', async () => {
    vi.useFakeTimers()
    const scope = effectScope()
    const sw = scope.run(() => make())!
    await sw.register()
    vi.advanceTimersByTime(3000)
    expect(wb.updates).toBe(3)
    scope.stop()
    vi.advanceTimersByTime(3000)
    expect(wb.updates).toBe(3)
  })
})
