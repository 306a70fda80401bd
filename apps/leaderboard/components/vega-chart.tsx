"use client";
/**
 * A Vega-Lite chart drawn in the browser by vega-embed, as SVG: the same specs `hemlock plot`
 * renders headless. Loaded on demand, so pages without charts carry no Vega code; no action menu
 * (its links leave the site).
 */
import { useEffect, useRef, useState } from "react";
import type { TopLevelSpec } from "vega-lite";

export function VegaChart({ spec, label }: { spec: TopLevelSpec; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let finalize: (() => void) | undefined;
    let cancelled = false;
    import("vega-embed")
      .then(({ default: embed }) => {
        if (cancelled || !ref.current) return;
        const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
        return embed(ref.current, spec, {
          actions: false,
          renderer: "svg",
          ...(dark ? { theme: "dark" as const } : {}),
        }).then((result) => {
          finalize = () => result.finalize();
          ref.current?.setAttribute("data-rendered", "true");
        });
      })
      .catch((error: unknown) => setFailed(String(error)));
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [spec]);
  return (
    <figure className="chart" aria-label={label}>
      <div ref={ref} data-chart={label} />
      {failed && <p className="fail">The chart could not be drawn: {failed}</p>}
    </figure>
  );
}
