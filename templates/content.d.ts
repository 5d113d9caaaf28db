// The narrative MDX of the customers being built (served by src/content-plugin.ts).
declare module "virtual:milepost/content" {
  const content: Record<
    string,
    () => Promise<{ default: import("astro").MDXInstance<Record<string, never>>["default"] }>
  >;
  export default content;
}

// What a page hands the narrative tags of its MDX (templates/components/Narrative.astro).
declare namespace App {
  interface Locals {
    milepost: import("./lib/site.ts").PageContext;
  }
}
