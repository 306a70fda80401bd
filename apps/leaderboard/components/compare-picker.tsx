"use client";
/**
 * Choose two defenses, or two attacks, to compare. The comparison lives at /compare/A/B/ (a page
 * per pair, so a published site has them); /compare/?a=A&b=B, the form's own URL, is sent there.
 */
import { useEffect, useState } from "react";
import { paths } from "../lib/site-paths";

export function ComparePicker({ defenses, attacks }: { defenses: string[]; attacks: string[] }) {
  const [a, setA] = useState(defenses[0] ?? "");
  const [b, setB] = useState(defenses[1] ?? "");
  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const [qa, qb] = [query.get("a"), query.get("b")];
    if (qa && qb) window.location.replace(paths.compare(qa, qb));
  }, []);
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        window.location.href = paths.compare(a, b);
      }}
    >
      {(
        [
          ["A", a, setA],
          ["B", b, setB],
        ] as const
      ).map(([side, chosen, choose]) => (
        <label key={side}>
          {side}
          <select name={side.toLowerCase()} value={chosen} onChange={(e) => choose(e.target.value)}>
            <optgroup label="defenses">
              {defenses.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </optgroup>
            {attacks.length > 1 && (
              <optgroup label="attacks">
                {attacks.map((d) => (
                  <option key={`attack:${d}`}>{d}</option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
      ))}
      <button type="submit">compare</button>
    </form>
  );
}
