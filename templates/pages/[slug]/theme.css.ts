// theme.css of a customer's folder: its brand colour (a stylesheet, since pages carry no inline style),
// and that colour darkened enough to be read as link text. `:root:root` outweighs the stylesheet's defaults,
// which load after this file.
import type { APIRoute } from "astro";
import type { SiteCustomer } from "../../../src/site-customer.ts";
import { readable } from "../../lib/contrast.ts";
import { context, customerPaths } from "../../lib/site.ts";

export const getStaticPaths = () => customerPaths();
export const GET: APIRoute = ({ props }) => {
  const { brand } = context((props as { c: SiteCustomer }).c);
  return new Response(`:root:root { --brand: ${brand}; --link: ${readable(brand)}; }\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
};
