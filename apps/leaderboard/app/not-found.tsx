/** The 404 page: what was not found, and where to look instead. */
import { paths } from "../lib/site-paths";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p role="alert">
        Nothing in this results store has that name: no such experiment, cell, defense or attack (it may be in another
        store, or not run yet).
      </p>
      <p>
        See the <a href={paths.leaderboard()}>leaderboard</a>, the <a href={paths.experiments()}>experiments</a> or the{" "}
        <a href={paths.reproductions()}>reproductions</a>; <code>hemlock ls</code> lists what the store holds.
      </p>
    </>
  );
}
