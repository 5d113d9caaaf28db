// print.css of a customer's folder: page boxes and running headers of its print documents.
import type { APIRoute } from "astro";
import { printCss } from "../../lib/print.ts";
import type { SiteCustomer } from "../../../src/site-customer.ts";
import { context, customerPaths } from "../../lib/site.ts";

export const getStaticPaths = () => customerPaths();
export const GET: APIRoute = ({ props }) =>
  new Response(printCss(context((props as { c: SiteCustomer }).c)), {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
