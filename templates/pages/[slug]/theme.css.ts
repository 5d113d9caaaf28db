// theme.css of a customer's folder: its brand colour (a stylesheet, since pages carry no inline style).
import type { APIRoute } from "astro";
import type { SiteCustomer } from "../../../src/render.ts";
import { context, customerPaths } from "../../lib/site.ts";

export const getStaticPaths = () => customerPaths();
export const GET: APIRoute = ({ props }) =>
  new Response(`:root { --brand: ${context((props as { c: SiteCustomer }).c).brand}; }\n`, {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
