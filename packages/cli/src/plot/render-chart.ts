/**
 * Renders a Vega-Lite spec headless: compiled to Vega, laid out by a renderer-less View, written as
 * SVG; PNG is that SVG rasterized by resvg at twice the size (text needs a system font: DejaVu Sans
 * or the platform's sans-serif). The format follows the output file's extension.
 */
import { rename, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { HemlockError } from "@hemlock/core";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Writes the chart to `out` as SVG or PNG (by extension), atomically; returns the bytes written. */
export async function writeChart(spec: TopLevelSpec, out: string): Promise<number> {
  const format = extname(out).toLowerCase();
  if (format !== ".svg" && format !== ".png")
    throw new HemlockError("INVALID_ARGUMENT", `--out ${out}: expected a file ending in .svg or .png`);
  const svg = await chartSvg(spec);
  const data =
    format === ".svg"
      ? Buffer.from(svg)
      : new Resvg(svg, {
          fitTo: { mode: "zoom", value: 2 },
          background: "white",
          font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
        })
          .render()
          .asPng();
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, out);
  return data.length;
}
