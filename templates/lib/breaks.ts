// Where a long address may break across lines: after its separators, never inside a word
// ("https://wiki.example/ | ops/runbook", not "https://wiki.exam | ple/ops").

/** An address (URL or email) cut after each separator (/ . ? & = - _ # and before @), for <wbr> between the pieces. */
export function breakPoints(address: string): string[] {
  return address.split(/(?<=[/.?&=#_-])(?![/])|(?=@)/).filter((s) => s.length > 0);
}
