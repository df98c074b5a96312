import type { KeyGroup, Policy } from '../../src/shared'

/**
 * Diary text of the demo visits: scenarios per key group as [seen, asked, done]
 * (an empty `asked` means the household raised nothing), what a phone call or a WeChat
 * exchange sounds like, and the policies a worker explains to each group.
 * `{name}` is replaced by the head of the household.
 */

export type Scenario = readonly [seen: string, asked: string, done: string]

export const SCENARIOS: Record<KeyGroup | 'general', Scenario[]> = {
  'elderly-alone': [
    ['{name}老人独自在家，精神尚可，屋里收拾得干净', '老人腿脚不便，希望有人上门理发', '已联系志愿者理发队，约好下周上门'],
    ['老人正在看电视，说最近晚上睡不好', '希望有人常来陪着说说话', '陪老人聊了半小时，约定每周电话问候'],
    ['家里暖气片不太热，老人穿着棉袄', '问暖气能不能修', '已报物业，物业答应明天派人检修'],
    ['老人血压有点高，药快吃完了', '想请人帮忙去医院开药', '帮老人预约了社区医生上门，顺便带药'],
    ['冰箱里菜不多，老人说不想麻烦别人', '', '买了些蔬菜和鸡蛋送上门，叮嘱老人按时吃饭'],
    ['老人在楼下晒太阳，和邻居聊天', '', '提醒老人天冷注意保暖，留了网格员电话'],
  ],
  'lost-only-child': [
    ['老两口在家，提起儿子又掉了眼泪', '希望过年时社区能来人坐坐', '陪老人聊了一会儿，记下生日，届时上门'],
    ['阿姨最近在社区合唱队唱歌，心情好了很多', '', '鼓励继续参加活动，送了活动日程表'],
    ['叔叔住院刚回来，身体虚弱', '想了解住院费用报销', '讲解了医保报销流程，帮忙整理票据'],
  ],
  'serious-illness': [
    ['{name}家里有病人卧床，家属照顾很辛苦', '希望申请临时救助', '已把救助申请表带到，指导填写'],
    ['病人化疗后在家休养，精神还行', '想知道大病医保怎么报', '讲解了大病保险政策，约好陪同去医保窗口'],
    ['家属说最近开销大，压力很大', '', '倾听家属诉说，介绍了慈善救助渠道'],
  ],
  disabled: [
    ['轮椅坏了一个轮子，出门很不方便', '希望帮忙修轮椅', '联系残联辅具站，下周送新轮椅'],
    ['{name}家门口台阶高，轮椅出不去', '希望小区能加个坡道', '已反映给社区和物业，列入改造计划'],
    ['残疾人证快到期了', '问怎么换证', '帮忙预约了换证，告知需带的材料'],
  ],
  'left-behind': [
    ['孩子放学回家在写作业，{name}在做饭', '孩子数学跟不上，希望有人辅导', '已把孩子报名“6点半课堂”'],
    ['孩子说想爸爸妈妈了，有点闷闷不乐', '想和爸妈视频', '用手机帮孩子和父母视频了十分钟'],
    ['{name}说孩子最近总玩手机', '希望有人管管孩子玩手机', '和孩子约定了玩手机时间，送了课外书'],
    ['孩子的棉衣小了，袖子短一截', '', '联系爱心商户捐赠冬衣，周末送来'],
  ],
  hardship: [
    ['家里收入低，孩子上学开支大', '想申请低保', '讲解低保条件，帮忙准备申请材料'],
    ['屋里比较简陋，冬天取暖困难', '希望能帮忙解决取暖', '已申请爱心煤炭，下周送到'],
  ],
  'single-parent': [
    ['{name}一个人带孩子，刚下夜班回来', '孩子放学没人接', '联系邻居和“6点半课堂”帮忙照看'],
    ['孩子的学费还没凑齐', '想了解教育资助', '讲解了助学政策，帮忙提交申请'],
    ['前夫一直不给抚养费', '想找律师咨询', '已预约公益律师，周四下午面谈'],
  ],
  unemployed: [
    ['{name}在家，说最近一直在找工作', '想找离家近的保洁或收银工作', '推荐了两家招聘单位，把简历发给了人社站'],
    ['失业快半年了，情绪有些低落', '想学门手艺', '报名了家政培训班，下月开课'],
    ['说工厂关门了，暂时没收入', '问失业金怎么领', '讲解了失业保险金领取流程'],
  ],
  'migrant-family': [
    ['一家人租住在此，房子有点小', '孩子上学想办转学手续', '讲解了随迁子女入学政策和所需材料'],
    ['夫妻俩在工地干活，孩子放学一个人在家', '希望孩子放学有人照看', '介绍孩子参加“6点半课堂”'],
    ['刚搬来不久，对社区还不熟', '想办居住证', '告知居住证办理地点和材料'],
  ],
  general: [
    ['家里一切正常，{name}正在做饭', '', '登记了家庭成员变化，留了网格员电话'],
    ['楼道里堆了杂物', '希望清理楼道杂物', '已通知物业清理，并张贴了提醒'],
    ['家里老人身体硬朗，孩子上学去了', '', '宣传了防诈骗知识，发了宣传单'],
    ['{name}在家，刚下班回来', '', '宣传了防诈骗知识，发了宣传单'],
    ['家里人都上班去了，只有{name}在', '希望小区多安几个充电桩', '已记录，汇总后向街道反映'],
    ['邻居家装修噪音大', '希望社区协调装修时间', '和邻居沟通，约定中午和晚上不施工'],
    ['楼上漏水，卫生间天花板有水渍', '希望协调楼上维修', '联系楼上住户和物业，约好周末检修'],
    ['一家人都在，气氛融洽', '', '邀请参加社区“最美庭院”评选'],
    ['说小区路灯坏了好几盏', '希望尽快修路灯', '已报物业维修，下次走访时查看'],
    ['{name}说孩子要参加中考了', '', '送了中考减压讲座的通知'],
  ],
}

/** What a phone call or a WeChat exchange looks like in the diary. */
export const REMOTE_SEEN: Record<'phone' | 'wechat', string[]> = {
  phone: ['电话联系{name}，说话声音有精神', '电话询问近况，说一切都好', '电话联系，说最近身体有点不舒服', '电话回访上次反映的问题'],
  wechat: ['微信了解近况，发来了家里的照片', '微信联系{name}，回复说都好', '在微信群里看到{name}的留言，私信了解情况', '微信回访上次的诉求办理情况'],
}

export const GROUP_POLICIES: Record<KeyGroup | 'general', Policy[]> = {
  'elderly-alone': ['elderly-allowance', 'pension-insurance', 'medical-reimbursement'],
  'lost-only-child': ['elderly-allowance', 'pension-insurance', 'medical-reimbursement'],
  'serious-illness': ['medical-reimbursement', 'minimum-living'],
  disabled: ['disability-subsidy', 'medical-reimbursement'],
  'left-behind': ['education-aid'],
  hardship: ['minimum-living', 'education-aid', 'medical-reimbursement'],
  'single-parent': ['minimum-living', 'education-aid', 'legal-aid'],
  unemployed: ['unemployment-subsidy', 'pension-insurance'],
  'migrant-family': ['education-aid', 'pension-insurance', 'legal-aid'],
  general: ['pension-insurance', 'medical-reimbursement'],
}
