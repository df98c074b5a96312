import { compileMessages } from '@/i18n/compile-messages'

/** Messages of the PWA feature, merged into the component's local i18n scope. */
export const pwaMessages = compileMessages({
  'zh-CN': {
    update: {
      available: '有新版本',
      reload: '重新加载',
      saveFirst: '有新版本：请先保存正在填写的内容，再重新加载',
      updating: '正在更新…',
    },
    install: {
      button: '安装到桌面',
      hint: '安装后可从手机桌面打开，没有信号也能用',
      installed: '已安装到桌面',
    },
  },
  en: {
    update: {
      available: 'A new version is available',
      reload: 'Reload',
      saveFirst: 'New version: save what you are typing first, then reload',
      updating: 'Updating…',
    },
    install: {
      button: 'Install on home screen',
      hint: 'Open it from the home screen, even with no signal',
      installed: 'Installed on the home screen',
    },
  },
})
