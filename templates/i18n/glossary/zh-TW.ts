// Traditional Chinese glossary: the one word per concept (see ../glossary.ts), in formal
// Taiwanese business Chinese.
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "里程碑", avoid: ["里程標", "階段目標"] },
  outcome: { term: "成果", avoid: ["產出"] },
  deliverable: { term: "交付成果", avoid: ["可交付成果", "交付物", "交付項目"] },
  handover: { term: "交接", avoid: ["移交", "移轉"] },
  health: { term: "整體狀態", avoid: ["健康度", "健康狀況", "健康狀態", "整體狀況", "健全度"] },
  "status.green": { term: "進度正常", avoid: [] },
  "status.yellow": { term: "需要關注", avoid: [] },
  "status.red": { term: "進度落後", avoid: ["有風險"] },
  delayed: { term: "延遲", avoid: ["延誤"] },
  value: {
    term: "效益",
    avoid: ["至今價值", "實現價值", "已實現價值"],
    why: "Finance writes 累計效益 for realised value in money; 價值 stays for strategic value.",
  },
  cost: { term: "成本", avoid: ["花費"] },
  roi: { term: "投資報酬率", avoid: ["投資回報率", "投資收益率"], why: "Taiwan's term; 投資回報率 is mainland usage." },
  payback: { term: "投資回收", avoid: ["回本", "損益兩平"] },
  runRate: { term: "年化效益", avoid: ["運行率", "年度價值"] },
  decision: { term: "決策", avoid: ["決議"] },
  action: { term: "行動", avoid: ["承諾事項", "承諾"] },
  engagement: { term: "專案", avoid: ["合作案", "項目案"] },
  review: { term: "回顧", avoid: ["檢討"], why: "檢討 reads as a post-mortem of what went wrong." },
  measurement: { term: "量測", avoid: ["測量"] },
  summary: { term: "高階主管摘要", avoid: ["執行摘要", "概要"] },
  glance: { term: "重點速覽", avoid: ["一覽表"] },
} satisfies Glossary;
