import { compileMessages } from '@/i18n/compile-messages'

/** Messages of the login screen and session banner (component-local i18n scope). */
export const authMessages = compileMessages({
  'zh-CN': {
    login: {
      title: '登录格子姐姐',
      subtitle: '登录一次，之后没有信号也能连续工作好几天',
      username: '用户名',
      usernamePlaceholder: '请输入用户名',
      password: '密码',
      passwordPlaceholder: '请输入密码',
      submit: '登录',
      submitting: '正在登录…',
      demoTitle: '演示账号（点一下自动填入）',
      roles: { worker: '网格员', supervisor: '妇联主席', admin: '管理员' },
      errors: {
        'wrong-password': '用户名或密码不对，请再试一次',
        disabled: '这个账号已被停用，请联系管理员',
        offline: '现在没有网络，登录需要联网；有信号后再试',
        'rate-limited': '登录失败次数太多，请稍等几分钟再试',
        'upgrade-required': '应用版本太旧，请刷新页面更新后再登录',
        server: '服务器暂时出了问题，请稍后再试',
        empty: '请填写用户名和密码',
      },
    },
    session: {
      expired: '登录已过期：记录仍保存在手机上，请重新登录后上传',
      relogin: '重新登录',
      logout: '退出登录',
    },
  },
  en: {
    login: {
      title: 'Sign in to GridSister',
      subtitle: 'Sign in once, then work for days without signal',
      username: 'Username',
      usernamePlaceholder: 'Your username',
      password: 'Password',
      passwordPlaceholder: 'Your password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      demoTitle: 'Demo accounts (tap to fill in)',
      roles: { worker: 'Grid worker', supervisor: 'Supervisor', admin: 'Administrator' },
      errors: {
        'wrong-password': 'Wrong username or password, please try again',
        disabled: 'This account is disabled; ask your administrator',
        offline: 'No network: signing in needs a connection; try again when you have signal',
        'rate-limited': 'Too many failed attempts; wait a few minutes and try again',
        'upgrade-required': 'This app version is too old; reload the page to update',
        server: 'The server has a problem; please try again later',
        empty: 'Enter your username and password',
      },
    },
    session: {
      expired: 'Your session expired: your records are safe on this phone; sign in again to upload them',
      relogin: 'Sign in again',
      logout: 'Sign out',
    },
  },
})
