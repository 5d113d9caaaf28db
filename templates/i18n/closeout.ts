import type { Dictionary, Lang } from "./index.ts";

export default {
  en: {},
  ja: {},
  "zh-TW": {},
  ms: {},
} satisfies Record<Lang, Dictionary>;
