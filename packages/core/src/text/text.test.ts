import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSpamAssassinCorpus } from "../datasets/readers/spamassassin-corpus.js";
import { parseMail } from "./parse-mail.js";
import { tokenizeMail } from "./spambayes-tokenizer.js";

const mail = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe("parseMail", () => {
  it("decodes encoded-word subjects, quoted-printable Latin-1 and base64 bodies, and addresses", async () => {
    const m = await parseMail(
      mail([
        'From: "Jos\u00e9 P." <Jose@Example.ORG>',
        "To: a@one.example, b@two.example",
        "Cc: undisclosed-recipients:;",
        "Subject: =?utf-8?B?Q2Fmw6kgb2ZmZXI=?= now",
        "Message-ID: <123.abc@mail.example.net>",
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain; charset=iso-8859-1",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Caf=E9 cr=E8me, soft line=",
        " break",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from("second part \u00fcber").toString("base64"),
        "--b1",
        "Content-Type: application/octet-stream; name=x.bin",
        "Content-Transfer-Encoding: base64",
        "",
        "AAEC",
        "--b1--",
        "",
      ]),
    );
    expect(m.subject).toBe("Caf\u00e9 offer now");
    expect(m.from).toEqual([{ name: "Jos\u00e9 P.", address: "jose@example.org" }]);
    expect(m.to.map((a) => a.address)).toEqual(["a@one.example", "b@two.example"]);
    expect(m.text).toContain("Caf\u00e9 cr\u00e8me, soft line break");
    expect(m.text).toContain("second part \u00fcber");
    expect(m.html).toBe("");
    expect(m.attachmentTypes).toEqual(["application/octet-stream"]);
    expect(m.headers.find((h) => h.name === "message-id")?.value).toBe("<123.abc@mail.example.net>");
  });

  it("reads 8-bit headers and bodies in the declared charset, and HTML-only mail", async () => {
    const m = await parseMail(
      Uint8Array.from([
        ...latin1(
          [
            "From: someone@example.com",
            "Subject: ofert\u00e3o",
            'Content-Type: text/html; charset="iso-8859-1"',
            "",
            "<html><body><p>Pre\u00e7o <b>baixo</b></p></body></html>",
            "",
          ].join("\r\n"),
        ),
      ]),
    );
    expect(m.subject).toBe("ofert\u00e3o");
    expect(m.text).toBe("");
    expect(m.html).toContain("Pre\u00e7o <b>baixo</b>");
  });
});

describe("tokenizeMail (SpamBayes rules)", () => {
  const tokens = async (lines: string[]) => tokenizeMail(await parseMail(mail(lines)));

  it("reduces HTML to its words, keeps URLs from attributes, and summarises long words", async () => {
    const t = await tokens([
      "From: Sales Team <offers@deals.example.com>",
      "To: you@example.org",
      "Subject: Now only $29.95!!! Python-Dev",
      "X-Mailer: Mozilla 4.7",
      'Content-Type: text/html; charset="us-ascii"',
      "",
      "<html><style>p { color: red }</style><body>",
      "FR<!-- hidden -->EE money&nbsp;back<br>guaranteed",
      '<a href="http://www.cheap-pills.example/buy/now.html">click</a>',
      "antidisestablishmentarianism contact:someone@mail.example.com &#77;&#65;&#73;&#76;",
      "ab cd",
      "</body></html>",
    ]);
    // Words: comments and tags vanish without a space; &nbsp; and <br> break.
    expect(t).toEqual(expect.arrayContaining(["free", "money", "back", "guaranteed", "click", "mail"]));
    expect(t).not.toContain("color:");
    expect(t).not.toContain("ab");
    // URLs, found inside the href before tags are removed.
    expect(t).toEqual(
      expect.arrayContaining([
        "proto:http",
        "url:www",
        "url:cheap",
        "url:pills",
        "url:example",
        "url:buy",
        "url:now",
        "url:html",
      ]),
    );
    // A long word is summarised; a long word holding one address becomes its parts.
    expect(t).toContain("skip:a 20");
    expect(t).toEqual(expect.arrayContaining(["email name:contact:someone", "email addr:mail.example.com"]));
    // Subject: words with case kept, prices whole, punctuation runs.
    expect(t).toEqual(
      expect.arrayContaining([
        "subject:Now",
        "subject:only",
        "subject:$29.95",
        "subject:!!!",
        "subject:Python",
        "subject:Dev",
      ]),
    );
    // Headers.
    expect(t).toEqual(
      expect.arrayContaining([
        "from:name:sales team",
        "from:addr:offers",
        "from:addr:deals.example.com",
        "to:no real name:2**0",
        "to:2**0",
        "x-mailer:mozilla 4.7",
        "content-type:text/html",
        "content-type/type:text",
        "charset:us-ascii",
        "header:from:1",
        "header:subject:1",
      ]),
    );
  });

  it("counts non-ASCII in skipped words and names the message-id's domain", async () => {
    const t = await tokens([
      "From: a@b.example",
      "Message-ID: <x1@relay.example.net>",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "\u00fc\u00fc\u00fc\u00fc\u00fc\u00fcabcdefghij",
    ]);
    expect(t).toEqual(expect.arrayContaining(["message-id:@relay.example.net", "skip:\u00fc 10", "8bit%:38"]));
  });
});

describe("readSpamAssassinCorpus", () => {
  const md5 = (b: Uint8Array) => createHash("md5").update(b).digest("hex");
  const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
  async function corpus() {
    const dir = await mkdtemp(join(tmpdir(), "hemlock-sa-"));
    const files: [string, Uint8Array][] = [
      ["easy_ham", mail(["Subject: hi", "", "hello there"])],
      ["easy_ham", mail(["Subject: lunch", "", "see you"])],
      ["spam", mail(["Subject: WIN", "", "free money"])],
    ];
    const lines: string[] = [];
    let n = 1;
    for (const [group, bytes] of files) {
      await mkdir(join(dir, group), { recursive: true });
      const name = `${String(n++).padStart(5, "0")}.${md5(bytes)}`;
      await writeFile(join(dir, group, name), bytes);
      lines.push(`${sha(bytes)}  ./${group}/${name}`);
    }
    return { dir, sums: `${lines.join("\n")}\n`, files };
  }

  it("reads every message in order with its label, after checking its md5 and sha256", async () => {
    const { dir, sums } = await corpus();
    const messages = await readSpamAssassinCorpus(dir, ["easy_ham", "spam"], sums);
    expect(messages.map((m) => [m.group, m.name.slice(0, 5), m.label])).toEqual([
      ["easy_ham", "00001", 0],
      ["easy_ham", "00002", 0],
      ["spam", "00003", 1],
    ]);
    expect(new TextDecoder().decode(messages[2]?.raw)).toContain("free money");
    await rm(dir, { recursive: true });
  });

  it("refuses an altered, a missing and a foreign message, naming the file", async () => {
    const { dir, sums, files } = await corpus();
    const spamName = sums.split("\n")[2]?.split("/").at(-1) as string;
    const spamPath = join(dir, "spam", spamName);
    await writeFile(spamPath, "tampered");
    await expect(readSpamAssassinCorpus(dir, ["spam"], sums)).rejects.toThrow(
      new RegExp(`${spamPath}.*expected md5 .*altered or truncated`),
    );
    await writeFile(spamPath, files[2]?.[1] as Uint8Array);
    await writeFile(join(dir, "spam", "notes.txt"), "mine");
    await expect(readSpamAssassinCorpus(dir, ["spam"], sums)).rejects.toThrow(/notes\.txt is not a corpus message/);
    await rm(join(dir, "spam", "notes.txt"));
    await rm(spamPath);
    await expect(readSpamAssassinCorpus(dir, ["spam"], sums)).rejects.toThrow(
      /1 of the 1 messages in .*spam are missing/,
    );
    await rm(dir, { recursive: true });
  });
});

const dataDir = process.env.HEMLOCK_DATA_DIR;

describe.skipIf(!dataDir)("the SpamAssassin corpus (HEMLOCK_DATA_DIR)", () => {
  const dir = join(dataDir ?? "", "spamassassin");
  const read = async () => {
    const { readFile } = await import("node:fs/promises");
    return readSpamAssassinCorpus(
      dir,
      ["easy_ham", "easy_ham_2", "hard_ham", "spam", "spam_2"],
      await readFile(join(dir, "SHA256SUMS"), "utf8"),
    );
  };

  it("holds 6,046 verified messages: 4,150 ham and 1,896 spam", { timeout: 600_000 }, async () => {
    const messages = await read();
    expect(messages).toHaveLength(6046);
    expect(messages.filter((m) => m.label === 1)).toHaveLength(1896);
    expect(messages.filter((m) => m.group === "hard_ham")).toHaveLength(250);
  });

  it("parses real messages with odd encodings", { timeout: 600_000 }, async () => {
    const messages = await read();
    const get = (group: string, prefix: string) =>
      messages.find((m) => m.group === group && m.name.startsWith(prefix)) as (typeof messages)[number];
    // Korean HTML mail in ks_c_5601-1987, with raw 8-bit bytes in its From and Subject headers.
    const korean = await parseMail(get("spam", "00035").raw);
    expect(korean.subject).toMatch(/^\[[\uac00-\ud7a3]+\] .*Best 5/);
    expect(korean.subject).not.toContain("\ufffd");
    expect(korean.from[0]?.name).toMatch(/^[\uac00-\ud7a3]+$/);
    expect(korean.html).toMatch(/[\uac00-\ud7a3]/);
    expect(korean.text).toBe("");
    const koreanTokens = tokenizeMail(korean);
    expect(koreanTokens).toEqual(
      expect.arrayContaining(["charset:ks_c_5601-1987", "content-type:text/html", "proto:http"]),
    );
    // A base64-encoded body decodes to words.
    const base64 = await parseMail(get("spam", "00022").raw);
    expect(tokenizeMail(base64).length).toBeGreaterThan(20);
    // Quoted-printable ham: no soft line breaks or =XX escapes left in the text.
    const qp = await parseMail(get("easy_ham", "00007").raw);
    expect(qp.text.length).toBeGreaterThan(100);
    expect(qp.text).not.toMatch(/=\r?\n|=[0-9A-F]{2}/);
  });
});
