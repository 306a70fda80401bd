/**
 * Turns a parsed message into the tokens a spam filter learns from, by the rules of SpamBayes'
 * tokenizer (T. Peters et al., spambayes/tokenizer.py, 2002-2003; after P. Graham, "A Plan for
 * Spam", 2002), which Nelson et al. 2008 attacked. Its defaults are SpamBayes' own:
 * - **Body**: numeric character entities decoded, lower-cased, HTML reduced to its text (style
 *   blocks, comments and `<noframes>` dropped, tags removed without a space, so `FR<b></b>EE` is
 *   `free`), split on white space. Words of 3-12 characters are tokens as they are (punctuation
 *   included: `free!` is not `free`); a longer word is an embedded address (`email name:`,
 *   `email addr:`) or a summary of what was skipped (`skip:c 20`, and `8bit%:N` for its share of
 *   non-ASCII characters).
 * - **URLs**, in the text and in HTML attributes: `proto:http`, then `url:` and each piece of the
 *   host and path, and the URL is taken out of the text.
 * - **Subject**: its words (case kept, as SpamBayes does there) and runs of punctuation, as
 *   `subject:`.
 * - **Addresses**: `from:`, `to:` and `cc:` names and address parts; the number of recipients as
 *   `to:2**k`.
 * - **Headers**: `content-type:` and `charset:` of the message and its parts,
 *   `content-transfer-encoding:`, `x-mailer:`, the domain of `message-id:`, and `header:Name:n`
 *   for how often each of SpamBayes' safe headers occurs. Received headers are not mined
 *   (SpamBayes' default, and in this corpus they name the collectors' own mail hosts).
 * Tokens are returned in order with repeats; a filter that counts a token once per message (as
 * SpamBayes does) takes the set.
 */
import type { MailAddress, MailMessage } from "./parse-mail.js";

/** Longest word kept as itself (SpamBayes' skip_max_word_size). */
export const MAX_WORD = 12;

/** Headers whose presence and count SpamBayes tokenizes (its safe_headers option). */
const SAFE_HEADERS = new Set(
  "abuse-reports-to date errors-to from importance in-reply-to message-id mime-version organization received reply-to return-path subject to user-agent x-abuse-info x-complaints-to x-face".split(
    " ",
  ),
);

// "Now only $29.95!" keeps its price together; "Python-Dev" splits.
const SUBJECT_WORD = /[\p{L}\p{N}_$.%]+/gu;
const PUNCTUATION_RUN = /[^\p{L}\p{N}_\s]+/gu;
const NUMERIC_ENTITY = /&#(\d+);/g;
const STYLE_BLOCK = /<\s*style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->|<\s*comment\b[^>]*>[\s\S]*?<\/comment\s*>/gi;
const NOFRAMES = /<\s*noframes\s*>[\s\S]*?<\/noframes\s*>/gi;
const BREAKING = /&nbsp;|<\s*(?:p|br)\s*\/?>/gi;
// A tag: "<" not followed by space or another bracket, up to 256 characters to the next ">".
const TAG = /<(?![\s<>])[^>]{0,256}>/g;
const URL = /\b(https?|ftp|mailto):(?:\/\/)?[^\s"'<>()]+/gi;
const URL_PIECE = /[/.?:&=#%+_~-]+/;

export function tokenizeMail(message: MailMessage): string[] {
  const tokens: string[] = [];
  tokenizeHeaders(message, tokens);
  tokenizeBody([message.text, message.html].filter((t) => t.length > 0).join("\n"), tokens);
  return tokens;
}

function tokenizeHeaders(message: MailMessage, tokens: string[]): void {
  for (const word of message.subject.match(SUBJECT_WORD) ?? [])
    for (const t of wordTokens(word)) tokens.push(`subject:${t}`);
  for (const run of message.subject.match(PUNCTUATION_RUN) ?? []) tokens.push(`subject:${run}`);

  addressTokens("from", message.from, tokens);
  addressTokens("to", message.to, tokens);
  addressTokens("cc", message.cc, tokens);
  const recipients = message.to.length + message.cc.length;
  if (recipients > 0) tokens.push(`to:2**${Math.round(Math.log2(recipients))}`);

  const counts = new Map<string, number>();
  for (const { name, value } of message.headers) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const lower = value.toLowerCase();
    if (name === "content-type") contentTypeTokens(lower, tokens);
    else if (name === "content-transfer-encoding") tokens.push(`content-transfer-encoding:${lower}`);
    else if (name === "x-mailer") tokens.push(`x-mailer:${lower}`);
    else if (name === "message-id") {
      const domain = /@([^>\s]+)>?\s*$/.exec(lower)?.[1];
      tokens.push(domain ? `message-id:@${domain}` : "message-id:invalid");
    }
  }
  for (const [name, count] of counts) if (SAFE_HEADERS.has(name)) tokens.push(`header:${name}:${count}`);
  for (const type of message.attachmentTypes) contentTypeTokens(type, tokens);
}

function contentTypeTokens(value: string, tokens: string[]): void {
  const type = value.split(";")[0]?.trim() ?? "";
  if (type) {
    tokens.push(`content-type:${type}`);
    tokens.push(`content-type/type:${type.split("/")[0]}`);
  }
  const charset = /charset\s*=\s*"?([^";\s]+)/.exec(value)?.[1];
  if (charset) tokens.push(`charset:${charset}`);
}

function addressTokens(field: string, addresses: MailAddress[], tokens: string[]): void {
  for (const { name, address } of addresses) {
    if (name) tokens.push(`${field}:name:${name.toLowerCase()}`);
    else tokens.push(`${field}:no real name:2**0`);
    if (address) for (const part of address.split("@")) tokens.push(`${field}:addr:${part}`);
    else tokens.push(`${field}:addr:none`);
  }
}

function tokenizeBody(raw: string, tokens: string[]): void {
  let text = raw.replace(NUMERIC_ENTITY, (_, code: string) => {
    const n = Number(code);
    return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : "?";
  });
  text = text.toLowerCase();
  // URLs first: they hide in attributes (href, src) that the tag removal below would drop.
  text = text.replace(URL, (url: string, scheme: string) => {
    tokens.push(`proto:${scheme}`);
    const rest = url.slice(scheme.length + 1).replace(/^\/\//, "");
    for (const piece of rest.split(URL_PIECE)) if (piece.length > 0) tokens.push(`url:${piece}`);
    return " ";
  });
  text = text.replace(STYLE_BLOCK, "").replace(COMMENT, "").replace(NOFRAMES, "");
  text = text.replace(BREAKING, " ").replace(TAG, "");
  for (const word of text.split(/\s+/)) for (const t of wordTokens(word)) tokens.push(t);
}

/** One white-space-separated word as SpamBayes' tokenize_word sees it. */
function wordTokens(word: string): string[] {
  const chars = [...word];
  const n = chars.length;
  if (n < 3) return [];
  if (n <= MAX_WORD) return [word];
  const at = word.indexOf("@");
  if (n < 40 && word.includes(".") && at >= 0 && at === word.lastIndexOf("@"))
    return [`email name:${word.slice(0, at)}`, `email addr:${word.slice(at + 1)}`];
  const out = [`skip:${chars[0]} ${Math.floor(n / 10) * 10}`];
  const high = chars.filter((c) => (c.codePointAt(0) as number) >= 128).length;
  if (high > 0) out.push(`8bit%:${Math.round((high * 100) / n)}`);
  return out;
}
