// Simplified Chinese glossary: the one word per concept (see ../glossary.ts), in mainland
// business usage for a formal report (贵公司).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "里程碑", avoid: ["节点目标"] },
  outcome: { term: "成果", avoid: ["结果指标"] },
  deliverable: { term: "交付物", avoid: ["交付成果", "可交付成果"] },
  handover: { term: "交接", avoid: ["转交"] },
  health: { term: "整体状况", avoid: ["健康度", "健康状况", "整体状态"] },
  "status.green": { term: "进展正常", avoid: [] },
  "status.yellow": { term: "需要关注", avoid: [] },
  "status.red": { term: "偏离计划", avoid: ["有风险"] },
  delayed: { term: "延期", avoid: [] },
  value: { term: "价值", avoid: ["效益"] },
  cost: { term: "成本", avoid: ["费用"] },
  roi: { term: "投资回报率", avoid: ["投资报酬率", "投资收益率"] },
  payback: { term: "投资回收", avoid: ["盈亏平衡", "回本"] },
  runRate: { term: "年化价值", avoid: ["年化效益", "运行率"] },
  decision: { term: "决策", avoid: ["决定事项"] },
  action: { term: "行动", avoid: ["承诺"] },
  engagement: { term: "项目", avoid: ["专案", "合作项目"] },
} satisfies Glossary;
