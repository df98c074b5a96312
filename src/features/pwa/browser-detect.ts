/**
 * Which browser opened the app, from its user agent, to guide her where her records are
 * safe. Links reach workers in WeChat groups; an in-app browser (WeChat, QQ, DingTalk…)
 * may clear its storage when the app that hosts it cleans its cache, and may never run
 * the service worker, so GridSister would not open without signal. Chinese H5 apps ask
 * to be opened in the phone's browser (⋯ → 在浏览器打开); we do the same before sign-in.
 * The phone's own browser decides which install steps come first.
 */

export const IN_APP_BROWSERS = ['wechat', 'wecom', 'qq', 'dingtalk', 'feishu', 'weibo', 'alipay', 'douyin'] as const
export type InAppBrowser = (typeof IN_APP_BROWSERS)[number]

export const INSTALL_BROWSERS = ['huawei', 'xiaomi', 'oppo-vivo', 'chrome', 'ios-safari'] as const
export type InstallBrowser = (typeof INSTALL_BROWSERS)[number]

export interface BrowserInfo {
  /** The app whose built-in browser this is, or null for a real browser. */
  inApp: InAppBrowser | null
  ios: boolean
  /** The install steps that fit this browser, or null when none of ours does. */
  installAs: InstallBrowser | null
}

// Order matters: WeCom's agent also says MicroMessenger; QQ's own browser (MQQBrowser) is a real browser.
const IN_APP: [InAppBrowser, RegExp][] = [
  ['wecom', /wxwork/i],
  ['wechat', /MicroMessenger/i],
  ['dingtalk', /DingTalk/i],
  ['feishu', /Lark|Feishu/i],
  ['qq', /\sQQ\/\d/i],
  ['weibo', /Weibo/i],
  ['alipay', /AlipayClient/i],
  ['douyin', /aweme|BytedanceWebview/i],
]

const INSTALL: [InstallBrowser, RegExp][] = [
  // The browser's own name, not the phone's: Chrome on a Huawei phone installs like Chrome.
  ['huawei', /HuaweiBrowser/i],
  ['xiaomi', /MiuiBrowser/i],
  ['oppo-vivo', /HeyTapBrowser|OppoBrowser|VivoBrowser/i],
  ['chrome', /Chrome\/|CriOS/],
]

export function detectBrowser(ua: string): BrowserInfo {
  const ios = /iPhone|iPad|iPod/i.test(ua)
  const inApp = IN_APP.find(([, re]) => re.test(ua))?.[0] ?? null
  const installAs = ios ? (/CriOS|FxiOS|EdgiOS/.test(ua) ? null : 'ios-safari') : (INSTALL.find(([, re]) => re.test(ua))?.[0] ?? null)
  return { inApp, ios, installAs }
}
