import type { KeyGroup, WishCategory } from '../../src/shared'

/**
 * The demo's wish cards: [title, detail, what was done, the household's feedback] per
 * category of the livelihood ledger, who usually claims each category, the categories
 * each key group tends to raise, and the reasons wishes get closed.
 */

export type WishText = readonly [title: string, detail: string, done: string, feedback: string]

export const WISH_TEXTS: Record<WishCategory, WishText[]> = {
  errand: [
    ['帮忙代买降压药', '老人腿脚不便，每月要去医院开降压药', '志愿者每月代购药品送上门', '太感谢了，省了好多事'],
    ['代缴水电费', '老人不会用手机缴费，每次要跑营业厅', '志愿者帮忙缴清水电费，并教会老人用手机缴费', '现在自己也会缴了'],
    ['帮忙买米买面', '家里没人能扛重物，米面吃完了', '超市送货上门，志愿者帮忙搬上楼', '米面够吃两个月了'],
  ],
  repair: [
    ['修理漏水的水龙头', '厨房水龙头一直滴水，自己修不了', '维修师傅上门更换了水龙头', '不滴水了，师傅手艺好'],
    ['修理轮椅', '轮椅刹车失灵，出门不安全', '辅具站师傅上门修好了刹车', '出门放心了'],
    ['更换老化电线', '家里电线老化，跳闸好几次', '供电所师傅上门更换了电线和空开', '再也没跳过闸'],
    ['修好窗户', '卧室窗户关不严，冬天漏风', '物业师傅更换了窗户密封条', '屋里暖和多了'],
  ],
  care: [
    ['上门理发', '老伴腿脚不便出不了门，想请人上门理发', '理发店师傅上门给老人理了发', '老伴精神多了，谢谢大家'],
    ['生日时有人陪伴', '老人生日那天希望有人来坐坐', '社区妇联带着蛋糕上门陪老人过生日', '老人感动得流了泪'],
    ['定期上门量血压', '血压不稳定，希望有人定期来量', '社区医生每两周上门量一次血压', '心里踏实了'],
  ],
  dispute: [
    ['调解邻里噪音纠纷', '楼上邻居晚上声音很大，影响休息', '调解员上门调解，双方约定了作息时间', '现在安静多了'],
    ['调解赡养纠纷', '几个子女对赡养老人有分歧', '社区和司法所联合调解，签了赡养协议', '子女轮流来照顾了'],
    ['协调楼道堆物', '邻居在楼道堆放杂物，影响通行', '协调邻居清理了杂物', '楼道通畅了'],
  ],
  job: [
    ['找一份保洁工作', '失业在家，希望找份离家近的保洁工作', '推荐到物业公司做保洁，已上岗', '有了稳定收入，很满意'],
    ['参加家政技能培训', '想学家政技能再就业', '报名参加县人社局家政培训并取得证书', '学到了本事'],
    ['找一份能照顾孩子的工作', '要接送孩子，只能做半天工', '介绍到超市做上午班收银', '时间正合适'],
  ],
  study: [
    ['孩子需要课后辅导', '父母在外打工，孩子数学跟不上', '大学生志愿者每周辅导两次', '孩子成绩提高了'],
    ['想要一套课外书', '孩子喜欢看书，家里没有课外书', '县图书馆捐赠了20本儿童读物', '孩子天天抱着看'],
    ['一个新书包', '孩子的书包破了，想要个新书包', '爱心商户送来新书包和文具', '孩子高兴坏了'],
  ],
  health: [
    ['免费体检', '老人想做一次全面体检', '县中医院医生上门体检并建立了健康档案', '查出血糖偏高，及时调整了'],
    ['心理疏导', '失去独子后一直走不出来，想找人聊聊', '心理咨询师每月上门疏导一次', '心里敞亮多了'],
  ],
  activity: [
    ['参加社区广场舞队', '退休在家，想多和人交往', '介绍加入社区广场舞队', '每天都去跳，开心多了'],
    ['带孩子参加六一活动', '孩子想参加社区儿童节活动', '孩子参加了社区六一游园会', '孩子玩得很开心'],
    ['学用智能手机', '想学会用手机视频、挂号', '“银龄课堂”志愿者一对一教学', '能和孙子视频了'],
  ],
  other: [
    ['办理居住证', '刚搬来，不知道居住证怎么办', '网格员陪同到派出所办理了居住证', '办得很顺利'],
    ['申请冬季取暖补助', '家里困难，冬天取暖费负担重', '协助提交申请，补助已发放', '今年冬天不冷了'],
  ],
}

export const CLAIMANTS: Record<WishCategory, [string, 'volunteer' | 'shop' | 'company' | 'unit'][]> = {
  errand: [['党员志愿者李建军', 'volunteer'], ['惠民超市', 'shop'], ['县青年志愿者协会', 'unit']],
  repair: [['老王家电维修部', 'shop'], ['黄龙县供电所', 'unit'], ['城东物业公司', 'company']],
  care: [['城东理发店', 'shop'], ['县妇联', 'unit'], ['退休教师赵淑华', 'volunteer']],
  dispute: [['社区人民调解委员会', 'unit'], ['石堡司法所', 'unit']],
  job: [['县人社局就业服务中心', 'unit'], ['城东物业公司', 'company'], ['康华家政服务公司', 'company']],
  study: [['县图书馆', 'unit'], ['延安大学志愿服务队', 'volunteer'], ['新华书店黄龙分店', 'shop']],
  health: [['黄龙县中医院', 'unit'], ['社区卫生服务站', 'unit'], ['心理咨询师王静', 'volunteer']],
  activity: [['社区文艺队', 'volunteer'], ['县妇联', 'unit'], ['黄龙县移动公司', 'company']],
  other: [['石堡派出所', 'unit'], ['县民政局', 'unit']],
}

export const GROUP_CATEGORIES: Record<KeyGroup | 'general', WishCategory[]> = {
  'elderly-alone': ['errand', 'care', 'repair', 'health', 'activity'],
  'lost-only-child': ['care', 'health', 'activity'],
  disabled: ['repair', 'care', 'errand'],
  'serious-illness': ['health', 'care', 'errand'],
  'left-behind': ['study', 'activity', 'care'],
  hardship: ['other', 'repair', 'study'],
  'single-parent': ['study', 'job', 'dispute', 'other'],
  unemployed: ['job'],
  'migrant-family': ['study', 'other', 'job'],
  general: ['repair', 'dispute', 'activity', 'errand', 'other'],
}

export const CLOSED_REASONS = ['住户已搬离本社区', '家属已自行解决', '不符合政策条件，已做好解释', '住户撤回心愿', '与其他心愿合并办理']
