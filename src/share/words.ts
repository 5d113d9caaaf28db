// The unlock page of a protected share, in the pack's language. Its words, like the email drafts',
// are labels in templates/i18n (the "unlock.*" and "email.*" keys), beside the pages' own.
import { translator, type LabelKey } from "../../templates/i18n/index.ts";
import { CSP } from "./policy.ts";

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The unlock page of a protected share: a passcode form and, hidden until the script shows
 * them, the messages it may need. It names no customer and holds nothing sealed.
 */
export function unlockPage(locale: string): string {
  const t = translator(locale);
  const text = (key: LabelKey) => escape(t.template(key));
  return `<!doctype html>
<html lang="${escape(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${text("unlock.heading")}</title>
<link rel="icon" href="icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="unlock.css">
<script defer src="unlock.js"></script>
</head>
<body>
<main>
<h1>${text("unlock.heading")}</h1>
<p>${text("unlock.intro")}</p>
<form id="unlock" hidden>
<label for="passcode">${text("unlock.passcode")}</label>
<input id="passcode" name="passcode" type="password" autocomplete="off" autocapitalize="off" spellcheck="false" required>
<button type="submit">${text("unlock.submit")}</button>
</form>
<p id="wrong" class="message" role="alert" hidden>${text("unlock.wrong")}</p>
<p id="expired" class="message" role="alert" hidden data-template="${text("unlock.expired")}"></p>
<p id="unsupported" class="message" role="alert" hidden>${text("unlock.unsupported")}</p>
<section id="opened" hidden>
<p>${text("unlock.opened")}</p>
<p><a id="open" href="p/index.html">${text("unlock.open")}</a></p>
<ul id="downloads" data-template="${text("unlock.download")}"></ul>
</section>
</main>
</body>
</html>
`;
}
