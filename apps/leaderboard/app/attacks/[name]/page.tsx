/** Attack NAME: what it is, where it ran, and its results in its first dataset and model. */
import type { Metadata } from "next";
import { PluginPage } from "../../../components/plugin-page";

export const dynamic = "force-dynamic";

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Attack ${decodeURIComponent((await params).name)}` };
}

export default async function AttackPage({ params }: { params: Params }) {
  return <PluginPage kind="attack" name={decodeURIComponent((await params).name)} />;
}
