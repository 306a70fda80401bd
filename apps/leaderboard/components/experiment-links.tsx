/** A comma-separated list of experiment names, each linking to its page. */
import { paths } from "../lib/site-paths";

export function ExperimentLinks({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((x, i) => (
        <span key={x}>
          {i > 0 ? ", " : ""}
          <a href={paths.experiment(x)}>{x}</a>
        </span>
      ))}
    </>
  );
}
