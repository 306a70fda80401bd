/**
 * Parses one raw RFC 822 message (a SpamAssassin corpus file, or mail a user has) into what a
 * spam filter reads: the decoded subject, the sender and recipient addresses, the header lines,
 * the text/plain body and the HTML body, each decoded from quoted-printable or base64 and from its
 * charset. The parsing is mailparser's (nodemailer's parser: MIME trees, encoded words, iconv-lite
 * charsets, broken mail that real corpora hold); nothing here splits MIME by hand.
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
  const mail: ParsedMail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
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
