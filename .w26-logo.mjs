import sharp from "sharp";
import { readFileSync } from "node:fs";
for (const f of process.argv.slice(2)) {
  let svg = readFileSync(f, "utf8");
  const vb = /viewBox="([^"]+)"/.exec(svg)[1].split(/[\s,]+/).map(Number);
  const [x, y, w, h] = vb;
  const wide = svg.replace(/viewBox="[^"]+"/, `viewBox="${x - w} ${y - h} ${3 * w} ${3 * h}"`).replace(/ width="[^"]+"/, ` width="${3*w*4}"`).replace(/ height="[^"]+"/, ` height="${3*h*4}"`);
  const img = sharp(Buffer.from(wide), { density: 72 }).ensureAlpha();
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  let minx = 1e9, maxx = -1, miny=1e9, maxy=-1;
  for (let yy = 0; yy < info.height; yy++) for (let xx = 0; xx < info.width; xx++) {
    if (data[(yy * info.width + xx) * info.channels + 3] > 24) { minx = Math.min(minx, xx); maxx = Math.max(maxx, xx); miny=Math.min(miny,yy); maxy=Math.max(maxy,yy); }
  }
  const s = info.width / (3 * w);
  console.log(f, info.width, info.height, "ink x", (minx / s + x - w).toFixed(1), ((maxx + 1) / s + x - w).toFixed(1), "y", (miny/s + y - h).toFixed(1), ((maxy+1)/s + y - h).toFixed(1), "view", vb.join(" "));
}
