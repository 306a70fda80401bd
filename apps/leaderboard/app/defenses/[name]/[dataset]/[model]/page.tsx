/** Defense NAME in one dataset and model: its settings there, charts and compare links. */
import type { Metadata } from "next";
import { PluginPage } from "../../../../../components/plugin-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string; dataset: string; model: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, dataset, model } = await params;
  return {
    title: `Defense ${decodeURIComponent(name)} on ${decodeURIComponent(dataset)} · ${decodeURIComponent(model)}`,
  };
}

export default async function DefensePairPage({ params }: { params: Params }) {
  const { name, dataset, model } = await params;
  return (
    <PluginPage
      kind="defense"
      name={decodeURIComponent(name)}
      focus={{ dataset: decodeURIComponent(dataset), model: decodeURIComponent(model) }}
    />
  );
}
