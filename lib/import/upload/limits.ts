/** The largest upload accepted. Its own module so the browser's upload form can check it without loading the readers. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
