/**
 * The bundled property-domain dictionary (物业词典) of text analysis, and the stop words (停用词) never counted as
 * a theme. The words are added to jieba's own dictionary once, so that "垃圾分类" or "停车位" stay whole; a
 * company adds its own words, stop words and synonyms on top (kpis/theme-words.ts, PUT /kpi-theme-words).
 */

/** Words of property management that are kept whole (jieba's general dictionary splits some of them). */
export const DOMAIN_WORDS: readonly string[] = [
  // facilities and equipment (设施设备)
  '电梯', '扶梯', '楼道', '楼梯间', '地下室', '地下车库', '停车位', '停车场', '车位', '充电桩', '门禁', '门禁卡', '监控', '摄像头',
  '路灯', '楼道灯', '声控灯', '消防通道', '消防栓', '水压', '停水', '停电', '漏水', '渗水', '水管', '下水道', '化粪池', '井盖',
  '外墙', '墙皮', '防水', '单元门', '信报箱', '快递柜', '电动车', '充电', '供暖', '暖气', '空调外机', '健身器材', '儿童游乐设施',
  // cleaning and environment (保洁, 绿化)
  '保洁', '垃圾', '垃圾桶', '垃圾分类', '垃圾清运', '卫生', '异味', '蚊虫', '老鼠', '消杀', '绿化', '草坪', '树木', '修剪',
  '宠物', '狗粪', '噪音', '广场舞',
  // security (安保)
  '保安', '巡逻', '门岗', '外来人员', '外来车辆', '高空抛物', '安全隐患', '占用', '乱停车', '乱停放', '飞线充电',
  // fees and service (收费, 客服)
  '物业费', '停车费', '水电费', '公摊', '收费标准', '发票', '维修基金', '客服', '服务态度', '响应速度', '报修', '维修', '维修师傅',
  '管家', '业委会', '公告', '通知',
];

/**
 * Words too general to be a theme: function words, the words every text about a property has (物业, 小区, 问题),
 * the words of asking (希望, 建议). Single characters, pure numbers and punctuation are never themes anyway.
 */
export const STOP_WORDS: readonly string[] = [
  '的', '了', '和', '是', '在', '有', '也', '都', '就', '很', '还', '又', '与', '及', '或', '但', '而', '把', '被', '给', '让', '对',
  '我们', '你们', '他们', '我家', '自己', '大家', '这个', '那个', '这些', '那些', '这里', '那里', '这边', '那边', '什么', '怎么',
  '一下', '一些', '一个', '一直', '经常', '总是', '已经', '还是', '还有', '没有', '不是', '就是', '可以', '能够', '需要', '应该',
  '现在', '今天', '昨天', '最近', '之前', '以后', '时候', '时间', '每天', '有时', '有点', '非常', '比较', '特别', '太', '更',
  '物业', '物业公司', '小区', '业主', '住户', '居民', '问题', '情况', '方面', '希望', '建议', '要求', '反映', '表示', '觉得', '认为',
  '感觉', '知道', '谢谢', '感谢', '满意', '不错', '还行', '一般', '没什么', '暂无', '无', '没', '好', '挺好', '不好', '尽快',
  '及时', '处理', '解决', '加强', '改进', '注意', '进行', '已经', '目前', '继续', '可能', '如果', '因为', '所以', '然后', '而且',
  '但是', '不过', '其他', '其它', '多次', '几次', '几天', '一次', '每次', '先生', '女士', '阿姨', '师傅', '您好', '你好',
];
