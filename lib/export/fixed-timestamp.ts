/**
 * The moment every published file claims to be written at unless the caller names one: zip entry
 * headers, an Office package's docProps/core.xml and a PDF's dates. Published files are
 * checksummed, so the same disclosure must give the same bytes whenever it is exported.
 */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
