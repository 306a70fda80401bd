/**
 * Parses one raw RFC 822 message (a SpamAssassin corpus file, or mail a user has) into what a
 * spam filter reads: the decoded subject, the sender and recipient addresses, the header lines,
 * the text/plain body and the HTML body, each decoded from quoted-printable or base64 and from its
 * charset. The parsing is mailparser's (nodemailer's parser: MIME trees, encoded words, iconv-lite
 * charsets, broken mail that real corpora hold); nothing here splits MIME by hand. One thing is
 * done before it: header lines holding raw 8-bit text (no encoded words, common in 2002 spam) are
 * decoded in the message's declared charset, because mailparser reads header bytes as UTF-8 and
 * would turn them into U+FFFD.
 *
 * mailparser and its dependencies are imported on the first call, so that loading Hemlock's core
 * (every CLI command) does not pay for them.
 */
import type { AddressObject, ParsedMail } from "mailparser";

export interface MailAddress {
  /** The display name ("" when there is none). */
  name: string;
  /** The address, lower-cased ("" when the header names a group or nothing parseable). */
  address: string;
}

export interface MailMessage {
  subject: string;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Every header line, in order: the lower-cased name and the unfolded raw value. */
  headers: { name: string; value: string }[];
  /** The text/plain parts, decoded, joined by blank lines ("" when there are none). */
  text: string;
  /** The text/html parts, decoded, joined ("" when there are none). */
  html: string;
  /** The MIME types of the attachments (parts that are neither text/plain nor text/html bodies). */
  attachmentTypes: string[];
}

let parser: Promise<typeof import("mailparser")> | undefined;

export async function parseMail(raw: Uint8Array): Promise<MailMessage> {
  parser ??= import("mailparser");
  const { simpleParser } = await parser;
  const bytes = headersAsUtf8(raw);
  const mail: ParsedMail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    // The tokenizer reduces HTML itself (as SpamBayes does, keeping URLs and hidden text), so
    // mailparser's own conversions would only cost time.
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  return {
    subject: mail.subject ?? "",
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    headers: mail.headerLines.map(({ key, line }) => ({ name: key, value: unfold(line.slice(line.indexOf(":") + 1)) })),
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    attachmentTypes: mail.attachments.map((a) => a.contentType.toLowerCase()),
  };
}

function addresses(header: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((o) =>
    o.value.flatMap((a) => [
      { name: a.name ?? "", address: (a.address ?? "").toLowerCase() },
      // A group ("undisclosed-recipients: a@b, c@d;") lists its members inside.
      ...(a.group ?? []).map((g) => ({ name: g.name ?? "", address: (g.address ?? "").toLowerCase() })),
    ]),
  );
}

/** A folded header value on one line: CRLF plus white space is one space (RFC 5322 2.2.3). */
function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, " ").trim();
}

/**
 * The message with its header block re-encoded as UTF-8 when it holds bytes that are not UTF-8:
 * decoded in the charset its Content-Type declares (e.g. ks_c_5601-1987, that is EUC-KR), else
 * in windows-1252, which maps every byte. The body is left to mailparser.
 */
function headersAsUtf8(raw: Uint8Array): Uint8Array {
  const end = headerEnd(raw);
  const head = raw.subarray(0, end);
  if (!head.some((b) => b >= 0x80)) return raw;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head);
    return raw;
  } catch {
    // Not UTF-8: decode below.
  }
  const declared = /^content-type:[^\n]*charset\s*=\s*"?([^";\s]+)/im.exec(new TextDecoder("latin1").decode(head))?.[1];
  const utf8 = new TextEncoder().encode(decoderFor(declared).decode(head));
  const out = new Uint8Array(utf8.length + raw.length - end);
  out.set(utf8);
  out.set(raw.subarray(end), utf8.length);
  return out;
}

/** Where the header block ends: the first empty line (CRLF or LF), or the end of the message. */
function headerEnd(raw: Uint8Array): number {
  for (let i = 0; i + 1 < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return i + 1;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 1;
  }
  return raw.length;
}

/** A decoder for a declared charset; windows-1252 when none is declared or it is unknown. */
function decoderFor(charset: string | undefined) {
  try {
    return new TextDecoder(charset ?? "windows-1252");
  } catch {
    return new TextDecoder("windows-1252");
  }
}
