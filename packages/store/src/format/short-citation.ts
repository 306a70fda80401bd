/** A paper cited by surnames and year, as tables of reproductions name their targets. */

/** "Levine & Feizi 2021", "Gu et al. 2017". */
export function shortCitation(paper: { authors: readonly string[]; year: number }): string {
  const surname = (author: string) => author.trim().split(/\s+/).at(-1) ?? author;
  const [first = "", second = ""] = paper.authors;
  const names =
    paper.authors.length === 1
      ? surname(first)
      : paper.authors.length === 2
        ? `${surname(first)} & ${surname(second)}`
        : `${surname(first)} et al.`;
  return `${names} ${paper.year}`;
}
