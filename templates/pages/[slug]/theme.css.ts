// theme.css of a customer's folder: its brand colour (a stylesheet, since pages carry no inline style),
// that colour darkened enough to be read as link text, and the colour of the filled marks that number a list
// (--mark): the link colour, but the page's ink when the brand reads as a status colour (orange near amber),
// so that nothing filled in it stands beside a status mark. `:root:root` outweighs the stylesheet's defaults,
// which load after this file.
import type { APIRoute } from "astro";
import type { SiteCustomer } from "../../../src/site-customer.ts";
import { readable, statusLike } from "../../lib/contrast.ts";
import { context, customerPaths } from "../../lib/site.ts";

export const getStaticPaths = () => customerPaths();
export const GET: APIRoute = ({ props }) => {
  const { brand } = context((props as { c: SiteCustomer }).c);
  const mark = statusLike(brand) ? "var(--ink)" : readable(brand);
  return new Response(`:root:root { --brand: ${brand}; --link: ${readable(brand)}; --mark: ${mark}; }\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
};
