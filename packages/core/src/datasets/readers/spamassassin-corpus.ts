/**
 * Reads the Apache SpamAssassin public corpus as its original files: one raw message per file in
 * the corpus's folders (easy_ham, easy_ham_2, hard_ham, spam, spam_2), each named
 * `NNNNN.<md5 of the file>`. Every message is checked twice before use: against the MD5 in its
 * own name, and against the SHA-256 listed for it in the folder's SHA256SUMS, whose own checksum
 * the caller pins (the spamassassin dataset, when it is registered). A missing, extra or altered message is an error naming the file.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { HemlockError } from "../../errors.js";

export const SPAMASSASSIN_GROUPS = ["easy_ham", "easy_ham_2", "hard_ham", "spam", "spam_2"] as const;
export type SpamAssassinGroup = (typeof SPAMASSASSIN_GROUPS)[number];

export interface CorpusMessage {
  group: SpamAssassinGroup;
  /** The corpus's file name, `NNNNN.<md5>`. */
  name: string;
  raw: Uint8Array;
  /** 0 ham, 1 spam. */
  label: 0 | 1;
}

const NAME = /^\d{5}\.([0-9a-f]{32})$/;

/**
 * The one message the corpus itself names with an MD5 its bytes do not have (known upstream:
 * other loaders skip the check for it too). It is checked by its SHA-256 alone.
 */
const WRONG_MD5_UPSTREAM = new Set(["hard_ham/00230.244a63cd74c81123ef26129453e32c95"]);

/** Files read at once: enough to keep the disk busy, few enough to stay far from the fd limit. */
const READ_AT_ONCE = 32;

/**
 * The messages of `groups`, in folder order and then file-name order (so a seeded split is the
 * same on every machine). `sums` is the text of SHA256SUMS (already checked against its pin).
 */
export async function readSpamAssassinCorpus(
  dir: string,
  groups: readonly SpamAssassinGroup[],
  sums: string,
): Promise<CorpusMessage[]> {
  const expected = parseSums(sums, join(dir, "SHA256SUMS"));
  const fetch = "Run `hemlock data fetch spamassassin`, or restore the corpus's original files.";
  const messages: CorpusMessage[] = [];
  for (const group of groups) {
    const folder = join(dir, group);
    const listed = [...expected.keys()].filter((p) => p.startsWith(`${group}/`)).map((p) => p.slice(group.length + 1));
    const present = await readdir(folder).catch(() => undefined);
    if (present === undefined)
      throw new HemlockError(
        "DATA_MISSING",
        `dataset spamassassin: ${folder} is missing (${listed.length} messages expected)`,
        fetch,
      );
    const names = present.filter((n) => !n.startsWith(".")).sort();
    const here = new Set(names);
    const missing = listed.filter((n) => !here.has(n));
    if (missing.length > 0)
      throw new HemlockError(
        "DATA_MISSING",
        `dataset spamassassin: ${missing.length} of the ${listed.length} messages in ${folder} are missing (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", ..." : ""})`,
        fetch,
      );
    const read = async (name: string): Promise<CorpusMessage> => {
      const path = join(folder, name);
      const sha256 = expected.get(`${group}/${name}`);
      const md5 = NAME.exec(name)?.[1];
      if (sha256 === undefined || md5 === undefined)
        throw new HemlockError(
          "DATA_CORRUPT",
          `dataset spamassassin: ${path} is not a corpus message (not listed in SHA256SUMS, or not named NNNNN.<md5>)`,
          `Move it out of ${folder}.`,
        );
      const raw = new Uint8Array(await readFile(path));
      const actualMd5 = createHash("md5").update(raw).digest("hex");
      const actualSha = createHash("sha256").update(raw).digest("hex");
      if ((actualMd5 !== md5 && !WRONG_MD5_UPSTREAM.has(`${group}/${name}`)) || actualSha !== sha256)
        throw new HemlockError(
          "DATA_CORRUPT",
          `dataset spamassassin: ${path} has md5 ${actualMd5} and sha256 ${actualSha}, expected md5 ${md5} (its name) and sha256 ${sha256} (SHA256SUMS); altered or truncated`,
          `Delete ${path} and run \`hemlock data fetch spamassassin\`.`,
        );
      return { group, name, raw, label: group.startsWith("spam") ? 1 : 0 };
    };
    for (let i = 0; i < names.length; i += READ_AT_ONCE)
      messages.push(...(await Promise.all(names.slice(i, i + READ_AT_ONCE).map(read))));
  }
  return messages;
}

/** SHA256SUMS lines (`<sha256>  ./group/name`) as a map from `group/name`. */
function parseSums(text: string, path: string): Map<string, string> {
  const sums = new Map<string, string>();
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const match = /^([0-9a-f]{64}) [ *]\.?\/?(.+)$/.exec(line);
    if (!match)
      throw new HemlockError(
        "DATA_CORRUPT",
        `${path}:${i + 1}: expected "<sha256>  <path>", got ${JSON.stringify(line.slice(0, 80))}`,
      );
    const file = match[2] as string;
    // The list names itself too (hashed while it was being written); only messages count.
    if (file.includes("/")) sums.set(file, match[1] as string);
  });
  return sums;
}
