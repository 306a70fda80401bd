"use client";
/**
 * The cell page of a published site, where /cells/ is one file for every cell: it reads the cell
 * from the query (?id=), fetches the shard of cells it is in, and shows it as a served page does.
 */
import type { CellDetail } from "@hemlock/store";
import { useEffect, useState } from "react";
import { paths } from "../lib/site-paths";
import { CellView } from "./cell-view";

type Shown =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "missing"; id: string }
  | { kind: "cell"; cell: CellDetail };

export function CellViewer({ shardLength }: { shardLength: number }) {
  const [shown, setShown] = useState<Shown>({ kind: "loading" });
  useEffect(() => {
    const id = new URLSearchParams(window.location.search).get("id");
    if (!id) {
      setShown({ kind: "none" });
      return;
    }
    fetch(paths.data("cells", `${id.slice(0, shardLength)}.json`))
      .then(async (response) => (response.ok ? ((await response.json()) as CellDetail[]) : []))
      .then((cells) => {
        const cell = cells.find((c) => c.identity === id);
        setShown(cell ? { kind: "cell", cell } : { kind: "missing", id });
      })
      .catch(() => setShown({ kind: "missing", id }));
  }, [shardLength]);
  if (shown.kind === "cell") return <CellView cell={shown.cell} />;
  return (
    <>
      <h1>Cell</h1>
      {shown.kind === "loading" && <p aria-live="polite">Loading the cell …</p>}
      {shown.kind === "none" && (
        <p>
          Open a cell from an <a href={paths.experiments()}>experiment</a>'s list of cells.
        </p>
      )}
      {shown.kind === "missing" && (
        <p role="alert">
          This site has no cell <code>{shown.id}</code>. Its experiments list the cells there are:{" "}
          <a href={paths.experiments()}>experiments</a>.
        </p>
      )}
    </>
  );
}
