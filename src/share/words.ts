// The words a customer reads outside the pack: the unlock page of a protected share and the
// email drafts, in each of the packs' languages.
import { langOf, type Lang } from "../../templates/i18n/index.ts";
import { CSP } from "./policy.ts";

const WORDS = {
  en: {
    heading: "This pack is protected",
    intro: "Enter the passcode you received separately to open it.",
    passcode: "Passcode",
    unlock: "Open",
    wrong: "That passcode is not right. Check it and try again.",
    expired: "This link expired on {date}. Ask the sender for a new one.",
    unsupported:
      "This browser cannot open protected packs. Open the link in a current version of Chrome, Edge, Firefox or Safari.",
    opened: "Unlocked.",
    open: "Open the pack",
    download: "Download {name}",
    subjectQbr: "{customer}: quarterly business review, {period}",
    subjectCloseout: "{customer}: close-out of {engagement}",
    greeting: "Hello {names},",
    person: "{name}",
    and: ", ",
    lead: "here is the {pack} of {engagement} for {customer}, as of {date}.",
    health: "Overall health: {health}.",
    outcome: "• {name}: {from} → {to}, {change}",
    link: "Online: {link}",
    attached: "The PDF is attached; the passcode for the online copy follows separately.",
    attachedOpen: "The PDF is attached.",
    qbr: "quarterly business review",
    closeout: "close-out pack",
    green: "on track",
    yellow: "needs attention",
    red: "at risk",
  },
  ja: {
    heading: "この資料は保護されています",
    intro: "別途お送りしたパスコードを入力して開いてください。",
    passcode: "パスコード",
    unlock: "開く",
    wrong: "パスコードが正しくありません。確認してもう一度入力してください。",
    expired: "このリンクの有効期限は {date} で終了しました。送信者に新しいリンクをご依頼ください。",
    unsupported:
      "このブラウザでは保護された資料を開けません。最新の Chrome、Edge、Firefox、Safari でリンクを開いてください。",
    opened: "開きました。",
    open: "資料を開く",
    download: "{name} をダウンロード",
    subjectQbr: "{customer}：四半期ビジネスレビュー（{period}）",
    subjectCloseout: "{customer}：{engagement} 完了報告",
    greeting: "{names}",
    person: "{name} 様",
    and: "、",
    lead: "{customer} 様の {engagement} について、{date} 時点の{pack}をお送りします。",
    health: "全体の状況：{health}",
    outcome: "• {name}：{from} → {to}（{change}）",
    link: "オンライン版：{link}",
    attached: "PDF を添付しました。オンライン版のパスコードは別途お送りします。",
    attachedOpen: "PDF を添付しました。",
    qbr: "四半期ビジネスレビュー",
    closeout: "完了報告",
    green: "順調",
    yellow: "要注意",
    red: "リスクあり",
  },
  "zh-TW": {
    heading: "此資料受密碼保護",
    intro: "請輸入另行提供的密碼以開啟。",
    passcode: "密碼",
    unlock: "開啟",
    wrong: "密碼不正確，請確認後再試一次。",
    expired: "此連結已於 {date} 到期，請向寄件者索取新連結。",
    unsupported: "此瀏覽器無法開啟受保護的資料，請使用最新版的 Chrome、Edge、Firefox 或 Safari 開啟連結。",
    opened: "已解鎖。",
    open: "開啟資料",
    download: "下載 {name}",
    subjectQbr: "{customer}：季度業務檢討（{period}）",
    subjectCloseout: "{customer}：{engagement} 結案報告",
    greeting: "{names} 您好：",
    person: "{name}",
    and: "、",
    lead: "附上 {customer} 的 {engagement} {pack}，資料截至 {date}。",
    health: "整體狀況：{health}。",
    outcome: "• {name}：{from} → {to}（{change}）",
    link: "線上版：{link}",
    attached: "PDF 已附上；線上版的密碼將另行提供。",
    attachedOpen: "PDF 已附上。",
    qbr: "季度業務檢討",
    closeout: "結案報告",
    green: "進度正常",
    yellow: "需要關注",
    red: "有風險",
  },
  ms: {
    heading: "Pek ini dilindungi",
    intro: "Masukkan kod laluan yang anda terima secara berasingan untuk membukanya.",
    passcode: "Kod laluan",
    unlock: "Buka",
    wrong: "Kod laluan itu tidak betul. Semak dan cuba lagi.",
    expired: "Pautan ini tamat tempoh pada {date}. Minta pautan baharu daripada pengirim.",
    unsupported:
      "Pelayar ini tidak dapat membuka pek yang dilindungi. Buka pautan dalam versi terkini Chrome, Edge, Firefox atau Safari.",
    opened: "Dibuka.",
    open: "Buka pek",
    download: "Muat turun {name}",
    subjectQbr: "{customer}: semakan perniagaan suku tahunan, {period}",
    subjectCloseout: "{customer}: penutupan {engagement}",
    greeting: "Salam {names},",
    person: "{name}",
    and: ", ",
    lead: "berikut ialah {pack} {engagement} untuk {customer}, setakat {date}.",
    health: "Status keseluruhan: {health}.",
    outcome: "• {name}: {from} → {to}, {change}",
    link: "Dalam talian: {link}",
    attached: "PDF dilampirkan; kod laluan untuk salinan dalam talian dihantar secara berasingan.",
    attachedOpen: "PDF dilampirkan.",
    qbr: "semakan perniagaan suku tahunan",
    closeout: "pek penutupan",
    green: "mengikut landasan",
    yellow: "perlu perhatian",
    red: "berisiko",
  },
} satisfies Record<Lang, Record<string, string>>;

export type WordKey = keyof (typeof WORDS)["en"];

/** The words of `locale`'s language, with {placeholders} filled: a missing one throws, it never prints "{name}". */
export function words(locale: string): (key: WordKey, vars?: Record<string, string>) => string {
  const dict: Record<string, string> = WORDS[langOf(locale)];
  return (key, vars = {}) =>
    dict[key].replace(/\{(\w+)\}/g, (_, k: string) => {
      if (vars[k] === undefined) throw new Error(`words("${key}") needs {${k}}`);
      return vars[k];
    });
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The unlock page of a protected share: a passcode form and, hidden until the script shows
 * them, the messages it may need. It names no customer and holds nothing sealed.
 */
export function unlockPage(locale: string): string {
  const t = words(locale);
  const text = (key: WordKey, vars?: Record<string, string>) => escape(t(key, vars));
  return `<!doctype html>
<html lang="${escape(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${text("heading")}</title>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="unlock.css">
<script defer src="unlock.js"></script>
</head>
<body>
<main>
<h1>${text("heading")}</h1>
<p>${text("intro")}</p>
<form id="unlock" hidden>
<label for="passcode">${text("passcode")}</label>
<input id="passcode" name="passcode" type="password" autocomplete="off" autocapitalize="off" spellcheck="false" required>
<button type="submit">${text("unlock")}</button>
</form>
<p id="wrong" class="message" role="alert" hidden>${text("wrong")}</p>
<p id="expired" class="message" role="alert" hidden data-template="${text("expired", { date: "{date}" })}"></p>
<p id="unsupported" class="message" role="alert" hidden>${text("unsupported")}</p>
<section id="opened" hidden>
<p>${text("opened")}</p>
<p><a id="open" href="p/index.html">${text("open")}</a></p>
<ul id="downloads" data-template="${text("download", { name: "{name}" })}"></ul>
</section>
</main>
</body>
</html>
`;
}
