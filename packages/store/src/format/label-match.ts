/**
 * The label rule every filter follows (the CLI's --defense, the store's SQL filters, the app's
 * menus): a label is selected by itself or by its plugin's name, which selects every variant of
 * it ("blended" selects "blended alpha=0.1"). The SQL form is in leaderboard.ts's labelFilters.
 */
export function labelMatches(label: string, wanted: string | undefined): boolean {
  return wanted === undefined || wanted === "" || label === wanted || label.startsWith(`${wanted} `);
}
