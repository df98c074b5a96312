import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { computed } from 'vue'
import FirstSyncCard from '@/features/sync/FirstSyncCard.vue'
import type { FirstSyncPhase, UseFirstSync } from '@/features/sync/useFirstSync'
import type { SyncState } from '@/features/sync/sync-store'
import { i18n } from '@/i18n'

function card(phase: FirstSyncPhase, done: number, total: number | null, stoppedBy: SyncState = 'idle') {
  const first: UseFirstSync = { phase: computed(() => phase), done: computed(() => done), total: computed(() => total), stoppedBy: computed(() => stoppedBy) }
  return mount(FirstSyncCard, { props: { first }, global: { plugins: [i18n] } })
}

describe('FirstSyncCard', () => {
  it('says it is connecting before the server has said anything', () => {
    expect(card('starting', 0, null).find('[data-testid="first-sync-line"]').text()).toBe('正在连接服务器，准备下载…')
  })

  it('counts without a total when the server sent none, with an empty bar', () => {
    const w = card('downloading', 1000, null)
    expect(w.find('[data-testid="first-sync-line"]').text()).toBe('正在下载，已下载 1000 条')
    expect(w.find('.van-progress__portion').attributes('style')).toContain('0%')
  })

  it('says why it stopped: offline, server, expired session', () => {
    expect(card('interrupted', 10, 40, 'offline').text()).toContain('现在没有网络')
    expect(card('interrupted', 10, 40, 'error').text()).toContain('服务器暂时没有响应')
    expect(card('interrupted', 10, 40, 'auth-expired').text()).toContain('请重新登录')
    expect(card('interrupted', 10, 40, 'offline').find('[data-testid="first-sync-line"]').text()).toBe('下载中断了：已下载 10 / 40 条')
  })
})
