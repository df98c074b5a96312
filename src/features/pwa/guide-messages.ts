import { compileMessages } from '@/i18n/compile-messages'

/** Messages of the open-in-browser guide, the install steps and the storage status. */
export const guideMessages = compileMessages({
  'zh-CN': {
    guide: {
      title: '请在手机浏览器中打开格子姐姐',
      why: '在{app}里打开，手机上的记录可能被清掉，没有信号时也打不开。换到手机自带的浏览器，记录才稳妥。',
      step: '点右上角的“⋯”，再选“{action}”。',
      copy: '复制链接',
      copied: '链接已复制，请粘贴到手机浏览器的地址栏打开',
      copyFailed: '没能复制，请长按地址手动复制：{url}',
      stay: '仍在这里登录（不推荐）',
      apps: { wechat: '微信', wecom: '企业微信', qq: 'QQ', dingtalk: '钉钉', feishu: '飞书', weibo: '微博', alipay: '支付宝', douyin: '抖音' },
      openIn: { android: '在浏览器打开', ios: '在 Safari 中打开' },
    },
    installSteps: {
      title: '安装到手机桌面',
      intro: '安装后从桌面图标打开，像普通应用一样，没有信号也能用。',
      yours: '您正在用的浏览器',
      note: '不同版本的菜单名称可能略有不同，找“添加到桌面”或“主屏幕”即可。',
      browsers: {
        huawei: '华为浏览器',
        xiaomi: '小米浏览器',
        'oppo-vivo': 'OPPO / vivo 浏览器',
        chrome: 'Chrome',
        'ios-safari': 'iPhone（Safari）',
      },
      steps: {
        huawei: '点底部的“≡”菜单 → “添加至” → “桌面”',
        xiaomi: '点底部的“≡”菜单 → “添加到桌面”（第一次会请您允许创建桌面快捷方式）',
        'oppo-vivo': '点底部的“≡”菜单 → “添加到桌面”（有的版本叫“添加到主屏幕”）',
        chrome: '点右上角的“⋮” → “安装应用”或“添加到主屏幕”',
        'ios-safari': '点底部的“分享”按钮（方框加向上的箭头）→ “添加到主屏幕”',
      },
    },
    storage: {
      title: '记录保存',
      granted: '已开启长期保存：浏览器不会自动清除手机上的记录',
      denied: '未开启长期保存：手机空间不够时，浏览器可能清掉还没上传的记录。安装到桌面后会再申请；也请常连网同步。',
      unsupported: '这个浏览器不支持长期保存。请常连网同步，让记录早点上传。',
      checking: '正在查看…',
    },
  },
  en: {
    guide: {
      title: "Please open GridSister in the phone's browser",
      why: "Opened inside {app}, the records on this phone may be cleared, and it will not open without signal. In the phone's own browser they are safe.",
      step: 'Tap “⋯” at the top right, then “{action}”.',
      copy: 'Copy the link',
      copied: "Link copied: paste it into the phone browser's address bar",
      copyFailed: 'Could not copy; press and hold to copy it: {url}',
      stay: 'Sign in here anyway (not recommended)',
      apps: { wechat: 'WeChat', wecom: 'WeCom', qq: 'QQ', dingtalk: 'DingTalk', feishu: 'Feishu', weibo: 'Weibo', alipay: 'Alipay', douyin: 'Douyin' },
      openIn: { android: 'Open in browser', ios: 'Open in Safari' },
    },
    installSteps: {
      title: 'Install on the home screen',
      intro: 'Then open it from its icon like any app, even with no signal.',
      yours: 'Your browser',
      note: 'Menu names differ a little between versions: look for “home screen”.',
      browsers: {
        huawei: 'Huawei Browser',
        xiaomi: 'Xiaomi Browser',
        'oppo-vivo': 'OPPO / vivo Browser',
        chrome: 'Chrome',
        'ios-safari': 'iPhone (Safari)',
      },
      steps: {
        huawei: 'Tap the “≡” menu at the bottom → “Add to” → “Home screen”',
        xiaomi: 'Tap the “≡” menu at the bottom → “Add to home screen” (allow shortcuts the first time)',
        'oppo-vivo': 'Tap the “≡” menu at the bottom → “Add to home screen”',
        chrome: 'Tap “⋮” at the top right → “Install app” or “Add to home screen”',
        'ios-safari': 'Tap “Share” at the bottom (a box with an arrow) → “Add to Home Screen”',
      },
    },
    storage: {
      title: 'Keeping records',
      granted: 'Persistent storage on: the browser will not clear the records on this phone by itself',
      denied: 'Persistent storage off: when the phone runs out of space the browser may clear records not yet uploaded. It is asked again once installed; sync often.',
      unsupported: 'This browser cannot keep storage for good. Sync often so records go up early.',
      checking: 'Checking…',
    },
  },
})
