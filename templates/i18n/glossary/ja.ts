// Japanese glossary: the one word per concept (see ../glossary.ts), in the register of a formal
// report (keigo and humble forms where the reader is addressed).
import type { Glossary } from "../glossary.ts";

export default {
  milestone: { term: "マイルストーン", avoid: ["節目", "里程標"] },
  outcome: { term: "成果", avoid: ["アウトカム"] },
  deliverable: { term: "成果物", avoid: ["デリバラブル", "納品物"] },
  handover: { term: "引き継ぎ", avoid: ["ハンドオフ", "引継ぎ", "引き渡し", "引渡し"] },
  health: { term: "全体状況", avoid: ["健全性", "ヘルス", "全体の状況"] },
  "status.green": { term: "順調", avoid: [] },
  "status.yellow": { term: "要注意", avoid: [] },
  "status.red": {
    term: "要対策",
    avoid: ["リスクあり"],
    why: "遅延 is kept for a delayed milestone; a red project needs countermeasures, as PMO reports say.",
  },
  delayed: {
    term: "遅延",
    avoid: [],
    only: /^(status\.delayed|summary\.decision\.delayed|review\.noRisks)$/,
    why: "Kept for a milestone past its date, never for the overall status.",
  },
  value: {
    term: "効果額",
    avoid: ["実現した価値", "実現価値", "これまでの価値", "年間換算の価値"],
    why: "What a CFO writes for realised value in money (累計効果額); 価値 stays for strategic value.",
  },
  cost: { term: "費用", avoid: ["コスト"] },
  roi: { term: "ROI", avoid: ["投資収益率", "投資利益率"] },
  payback: { term: "投資回収", avoid: ["ペイバック", "損益分岐"] },
  runRate: { term: "年換算効果額", avoid: ["ランレート", "年間換算額"] },
  decision: { term: "ご判断", avoid: ["意思決定", "決定事項"] },
  action: {
    term: "アクション",
    avoid: ["お約束"],
    why: "アクションプラン is the term of Japanese account plans; お約束 reads as a promise.",
  },
  engagement: { term: "プロジェクト", avoid: ["エンゲージメント", "案件"] },
} satisfies Glossary;
