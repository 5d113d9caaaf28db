// The narrative MDX of the customers being built (see templates/lib/narrative.ts).
declare module "virtual:milepost/content" {
  const content: Record<string, () => Promise<{ default: unknown }>>;
  export default content;
}
