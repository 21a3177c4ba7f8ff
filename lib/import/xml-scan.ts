/**
 * A forward-only scan of an XML document for readers of untrusted Office files: each element's
 * start and end and the text between them, in one pass, with nothing built that the reader does
 * not keep. No DTDs and no entities beyond XML's own five and character references, so an entity
 * bomb has nothing to expand. Element names come without their namespace prefix (`x:row` is `row`).
 */

export type XmlHandler = {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between `start` and `end` in the document (entities not yet decoded); CDATA comes decoded. */
  text?(xml: string, start: number, end: number, cdata: boolean): void;
};

export class XmlProblem extends Error {
  constructor(detail: string) {
    super(`malformed XML: ${detail}`);
    this.name = "XmlProblem";
  }
}

export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && handler.text) handler.text(xml, i, textEnd, false);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlProblem("unclosed CDATA");
        if (handler.text) handler.text(xml, lt + 9, end, true);
        i = end + 3;
      } else if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlProblem("unclosed comment");
        i = end + 3;
      } else {
        // <!DOCTYPE …>: skipped, never interpreted.
        i = tagEnd(xml, lt) + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlProblem("unclosed processing instruction");
      i = end + 2;
      continue;
    }
    const end = tagEnd(xml, lt);
    const closing = next === 0x2f; /* / */
    const selfClosing = !closing && xml.charCodeAt(end - 1) === 0x2f;
    const name = localName(xml, closing ? lt + 2 : lt + 1, end);
    if (closing) handler.close(name);
    else {
      handler.open(name, xml.slice(lt, end + 1), selfClosing);
      if (selfClosing) handler.close(name);
    }
    i = end + 1;
  }
}

/** Where the tag starting at `lt` ends: its `>`, not one inside a quoted attribute value. */
function tagEnd(xml: string, lt: number): number {
  const end = xml.indexOf(">", lt);
  if (end < 0) throw new XmlProblem("unclosed tag");
  // A `>` inside a quoted attribute value does not end the tag: look again only when quotes are open.
  let open = 0;
  for (let j = lt + 1; j < end; j++) {
    const ch = xml.charCodeAt(j);
    if (open === 0 ? ch === 0x22 || ch === 0x27 : ch === open) open = open === 0 ? ch : 0;
  }
  if (open === 0) return end;
  let inQuote = 0;
  for (let j = lt + 1; j < xml.length; j++) {
    const ch = xml.charCodeAt(j);
    if (inQuote) {
      if (ch === inQuote) inQuote = 0;
    } else if (ch === 0x22 || ch === 0x27) inQuote = ch;
    else if (ch === 0x3e) return j;
  }
  throw new XmlProblem("unclosed tag");
}

function localName(xml: string, start: number, end: number): string {
  let stop = start;
  let colon = -1;
  for (; stop < end; stop++) {
    const ch = xml.charCodeAt(stop);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e) break;
    if (ch === 0x3a) colon = stop;
  }
  return xml.slice(colon >= 0 ? colon + 1 : start, stop);
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The tag's attributes by local name (`r:id` is `id`), values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1].slice(m[1].indexOf(":") + 1);
    out[name] = decodeXmlText(m[2] ?? m[3] ?? "");
  }
  return out;
}

const isSpace = (ch: number) => ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
const spacedAttribute = new Map<string, RegExp>();

/** One unprefixed attribute, without the regex of attributes(): for the tags read per cell. */
export function attribute(tag: string, name: string): string | undefined {
  for (const quote of ['"', "'"]) {
    const needle = `${name}=${quote}`;
    for (let at = tag.indexOf(needle); at > 0; at = tag.indexOf(needle, at + 1)) {
      if (!isSpace(tag.charCodeAt(at - 1))) continue;
      const start = at + needle.length;
      const end = tag.indexOf(quote, start);
      return decodeXmlText(tag.slice(start, end < 0 ? undefined : end));
    }
  }
  // `name = "…"`, legal if rare: the general reader.
  let spaced = spacedAttribute.get(name);
  if (!spaced) spacedAttribute.set(name, (spaced = new RegExp(`\\s${name}\\s+=|\\s${name}=\\s`)));
  return spaced.test(tag) ? attributes(tag)[name] : undefined;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Text with XML's entities and character references resolved. A reference to a character XML
 * cannot hold (NUL, a lone surrogate half, beyond U+10FFFF) becomes U+FFFD: such a file is
 * malformed, and the character must not travel on into the database.
 */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      return allowed ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED[ref] ?? whole;
  });
}
