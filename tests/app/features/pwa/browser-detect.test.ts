import { describe, expect, it } from 'vitest'
import { detectBrowser } from '@/features/pwa/browser-detect'

// User agents as these phones send them (shortened where nothing in between matters).
const UA = {
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 12; ANA-AN00 Build/HUAWEIANA-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5049 MMWEBSDK/20230303 MMWEBID/1234 MicroMessenger/8.0.34.2340(0x2800225D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  wechatIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 16_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.33(0x18002129) NetType/4G Language/zh_CN',
  wecom: 'Mozilla/5.0 (Linux; Android 11; M2012K11AC; wv) AppleWebKit/537.36 Chrome/86.0 Mobile Safari/537.36 wxwork/4.1.0 MicroMessenger/7.0.1 NetType/WIFI Language/zh',
  qq: 'Mozilla/5.0 (Linux; Android 10; V2001A; wv) AppleWebKit/537.36 Chrome/77.0 Mobile Safari/537.36 V1_AND_SQ_8.9.28_3700_YYB_D QQ/8.9.28.10155 NetType/WIFI',
  qqBrowser: 'Mozilla/5.0 (Linux; U; Android 11; zh-cn; M2011K2C) AppleWebKit/537.36 Version/4.0 Chrome/89.0 MQQBrowser/13.1 Mobile Safari/537.36',
  dingtalk: 'Mozilla/5.0 (Linux; Android 12; PFEM10) AppleWebKit/537.36 Chrome/97.0 Mobile Safari/537.36 AliApp(DingTalk/7.0.10) com.alibaba.android.rimet/28930000 Channel/227200 language/zh-CN',
  huawei: 'Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 Chrome/99.0 HuaweiBrowser/13.0.5.302 Mobile Safari/537.36',
  miui: 'Mozilla/5.0 (Linux; U; Android 12; zh-cn; 2201123C Build/SKQ1.211006.001) AppleWebKit/537.36 Version/4.0 Chrome/100.0 Mobile Safari/537.36 XiaoMi/MiuiBrowser/17.1.80',
  vivo: 'Mozilla/5.0 (Linux; Android 11; V2055A) AppleWebKit/537.36 Chrome/87.0 Mobile Safari/537.36 VivoBrowser/14.5.10.0',
  chrome: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  safari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
}

describe('detectBrowser', () => {
  it('tells the in-app browsers that may lose her records', () => {
    expect(detectBrowser(UA.wechatAndroid)).toMatchObject({ inApp: 'wechat', ios: false })
    expect(detectBrowser(UA.wechatIos)).toMatchObject({ inApp: 'wechat', ios: true })
    expect(detectBrowser(UA.wecom).inApp).toBe('wecom')
    expect(detectBrowser(UA.qq).inApp).toBe('qq')
    expect(detectBrowser(UA.dingtalk).inApp).toBe('dingtalk')
  })

  it('takes the phone browsers (QQ Browser included) for what they are, with their install steps', () => {
    expect(detectBrowser(UA.qqBrowser).inApp).toBeNull()
    expect(detectBrowser(UA.huawei)).toEqual({ inApp: null, ios: false, installAs: 'huawei' })
    expect(detectBrowser(UA.miui).installAs).toBe('xiaomi')
    expect(detectBrowser(UA.vivo).installAs).toBe('oppo-vivo')
    expect(detectBrowser(UA.chrome).installAs).toBe('chrome')
    expect(detectBrowser(UA.safari)).toEqual({ inApp: null, ios: true, installAs: 'ios-safari' })
  })
})
