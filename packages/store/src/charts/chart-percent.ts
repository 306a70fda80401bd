/**
 * A proportion as a chart plots it: in percent, to 0.01 points. A chart needs no more, and its
 * data travels in every page that draws it (a defense's page over 100k cells plots a thousand
 * points), so 17 significant digits would be most of the page.
 */
export function chartPercent(proportion: number): number {
  return Math.round(10_000 * proportion) / 100;
}
