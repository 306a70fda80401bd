/** A cell's old address: its page is /cells/?id=ID, which a published site can serve as one file. */
import { permanentRedirect } from "next/navigation";
import { paths } from "../../../lib/site-paths";

export default async function OldCellPage({ params }: { params: Promise<{ id: string }> }) {
  permanentRedirect(paths.cell(decodeURIComponent((await params).id)));
}
