// A stakeholder's email as an email draft's recipient: one plain address, with nothing a mail
// header could be split at, so a cell cannot add another recipient (another customer's, say).

/** Why `value` is not one plain email address, or null. e.g. "a@x.example, b@y.example" → "holds more than one address" */
export function emailProblem(value: string): { problem: string; fix: string } | null {
  const address = value.trim();
  if (/[\p{Cc}\u2028\u2029]/u.test(address))
    return {
      problem: "holds a line break or another control character",
      fix: "write the one address on one line, e.g. jordan.lee@example.com",
    };
  if ((address.match(/@/g) ?? []).length > 1 || /[,;]/.test(address))
    return {
      problem: "holds more than one address",
      fix: "write one address per stakeholder: give each person a stakeholder of their own",
    };
  if (/[<>"()\s]/.test(address))
    return {
      problem: "is not a plain email address",
      fix: "write the address alone, e.g. jordan.lee@example.com (the person's name goes in name)",
    };
  if (!ADDRESS.test(address))
    return { problem: "is not an email address", fix: "write it as name@domain, e.g. jordan.lee@example.com" };
  return null;
}

/** local@domain.tld: the characters RFC 5322 allows unquoted in the local part, letters of any script. */
const ADDRESS =
  /^[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;
