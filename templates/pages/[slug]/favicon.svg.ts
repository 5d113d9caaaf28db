// favicon.svg of a customer's folder, in its brand colour: without one, browsers ask the host's root for /favicon.ico, outside the share.
import type { APIRoute } from "astro";
import type { SiteCustomer } from "../../../src/site-customer.ts";
import { context, customerPaths } from "../../lib/site.ts";

export const getStaticPaths = () => customerPaths();
export const GET: APIRoute = ({ props }) =>
  new Response(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="${context((props as { c: SiteCustomer }).c).brand}"/></svg>\n`,
    { headers: { "Content-Type": "image/svg+xml" } },
  );
