/**
 * Stamps a patch-style trigger into images (example-major [H, W, C] in [0, 1]): a square patch
 * (BackdoorBench's default: 3x3 white at the bottom-right), a single pixel, or a custom pattern
 * of pixels given as offsets from the bottom-right corner (-1 is the last row or column).
 */
import { z } from "zod";
import { HemlockError } from "../../errors.js";

export const patchTriggerSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("patch"),
      size: z.number().int().positive().default(3),
      value: z.number().default(1),
      /** Gap between the patch and the bottom-right corner, in pixels. */
      margin: z.number().int().min(0).default(0),
    })
    .strict(),
  z
    .object({ kind: z.literal("pixel"), value: z.number().default(1), margin: z.number().int().min(0).default(0) })
    .strict(),
  z
    .object({
      kind: z.literal("pattern"),
      /** [rowOffset, colOffset, value], offsets from the bottom-right corner (negative), e.g. [-2, -2, 1]. */
      pixels: z.array(z.tuple([z.number().int().max(-1), z.number().int().max(-1), z.number()])).min(1),
    })
    .strict(),
]);

export type PatchTrigger = z.output<typeof patchTriggerSchema>;

/** The (row, col, value) pixels a trigger sets, checked against the image size. */
export function triggerPixels(
  trigger: PatchTrigger,
  height: number,
  width: number,
  where: string,
): [number, number, number][] {
  let pixels: [number, number, number][];
  if (trigger.kind === "pattern") {
    pixels = trigger.pixels.map(([r, c, v]) => [height + r, width + c, v]);
  } else {
    const size = trigger.kind === "patch" ? trigger.size : 1;
    const top = height - trigger.margin - size;
    const left = width - trigger.margin - size;
    if (top < 0 || left < 0) {
      const field = trigger.kind === "patch" ? "size" : "margin";
      throw new HemlockError(
        "INVALID_PARAMS",
        `${where}.trigger.${field}: a ${size}x${size} trigger with margin ${trigger.margin} does not fit a ${height}x${width} image`,
      );
    }
    pixels = [];
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) pixels.push([top + r, left + c, trigger.value]);
  }
  const outside = pixels.find(([r, c]) => r < 0 || c < 0 || r >= height || c >= width);
  if (outside) {
    throw new HemlockError(
      "INVALID_PARAMS",
      `${where}.trigger.pixels: offset (${outside[0] - height}, ${outside[1] - width}) falls outside a ${height}x${width} image`,
    );
  }
  return pixels;
}

/** Sets the trigger pixels (every channel) in each example of `x`. */
export function stampPixels(x: Float32Array, exampleShape: number[], pixels: [number, number, number][]): void {
  const [height, width, channels] = exampleShape as [number, number, number];
  const size = height * width * channels;
  for (let base = 0; base < x.length; base += size) {
    for (const [r, c, v] of pixels) for (let ch = 0; ch < channels; ch++) x[base + (r * width + c) * channels + ch] = v;
  }
}
