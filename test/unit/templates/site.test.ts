import { describe, expect, it } from "vitest";
import { cssString } from "../../../templates/lib/site.ts";

describe("cssString(text)", () => {
  it("keeps letters of any script and escapes everything that could end the string or the declaration", () => {
    expect(cssString("Acme · QBR · 2026-Q3")).toBe('"Acme · QBR · 2026-Q3"');
    expect(cssString("株式会社さくら精密")).toBe('"株式会社さくら精密"');
    const hostile = cssString('x"; } body { display: none } <\\/style>');
    const bare = hostile.slice(1, -1).replace(/\\[0-9a-f]+ /g, "");
    expect(bare).not.toMatch(/["';{}<>\\]/);
    expect(hostile).toContain("\\22 ");
    expect(hostile).toContain("\\7b ");
    expect(hostile).toContain("\\3c ");
  });
});
