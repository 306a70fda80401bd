/**
 * A view's state as its URL's query string carries it: one value per key (the first, when a key
 * repeats), empty values dropped. The server reads it from a request's search parameters, the
 * browser from the location, so both compute the same view.
 */
export type UrlState = Record<string, string>;

export function queryState(params: Record<string, string | string[] | undefined>): UrlState {
  const state: UrlState = {};
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") state[k] = value;
  }
  return state;
}
