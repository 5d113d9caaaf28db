import type { Dictionary, Lang } from "./index.ts";

export default {
  en: { "nav.closeout": "Close-out" },
  ja: { "nav.closeout": "完了報告" },
  "zh-TW": { "nav.closeout": "結案" },
  ms: { "nav.closeout": "Penutupan" },
} satisfies Record<Lang, Dictionary>;
