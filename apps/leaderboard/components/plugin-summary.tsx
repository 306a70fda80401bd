/** What an attack or a defense is, from the registry: kind, summary, citation, what it needs, parameters. */
import type { CatalogPlugin } from "../lib/plugin-catalog";

export function PluginSummary({ plugin }: { plugin: CatalogPlugin }) {
  return (
    <>
      <p>{plugin.summary}</p>
      <dl className="facts">
        <dt>kind</dt>
        <dd>{plugin.kind}</dd>
        {plugin.domains && (
          <>
            <dt>data</dt>
            <dd>{plugin.domains.join(", ")}</dd>
          </>
        )}
        {plugin.needs && plugin.needs.length + (plugin.requires?.length ?? 0) > 0 && (
          <>
            <dt>needs</dt>
            <dd>{[...plugin.needs, ...(plugin.requires ?? []).map((c) => `a model that provides ${c}`)].join(", ")}</dd>
          </>
        )}
        <dt>citation</dt>
        <dd>{plugin.citation}</dd>
      </dl>
      {plugin.params.length > 0 && (
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>parameter</th>
                <th>type</th>
                <th>default</th>
              </tr>
            </thead>
            <tbody>
              {plugin.params.map((p) => (
                <tr key={p.name}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.type}</td>
                  <td>
                    {p.default !== undefined ? (
                      <code>{JSON.stringify(p.default)}</code>
                    ) : p.required ? (
                      "required"
                    ) : (
                      <span className="muted">optional, no default</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
